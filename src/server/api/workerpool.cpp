#include "workerpool.h"

#include <QLoggingCategory>
#include <QMetaObject>
#include <mutex>

Q_LOGGING_CATEGORY(lcWorkers, "ticket.workers")

using namespace Qt::StringLiterals;

namespace server::api {

int workerCount(int configured)
{
    return configured > 0 ? configured : std::max(1, QThread::idealThreadCount());
}

Worker::~Worker()
{
    close();
}

bool Worker::open(Store &first, const RequestHandler::Shared &shared,
                  const std::function<void(Store &)> &prepareStore, QString *error)
{
    m_store = first.sibling(error);
    if (!m_store)
        return false;
    if (prepareStore)
        prepareStore(*m_store);
    m_handler = std::make_unique<RequestHandler>(this, *m_store, shared);
    return true;
}

void Worker::close()
{
    m_handler.reset();
    if (m_store)
        m_store->setEventListener({});
    m_store.reset();
}

void Worker::handle(const http::Request &request, const http::Responder &responder)
{
    if (m_handler)
        m_handler->handle(request, responder);
    else
        responder.send(http::Response::error(503, u"busy"_s,
                                             u"The server is shutting down. Try again shortly."_s));
}

WorkerPool::WorkerPool(int count, Store &first, const RequestHandler::Shared &shared,
                       const std::function<void(Store &)> &prepareStore)
{
    for (int i = 0; i < count; ++i) {
        Slot slot;
        slot.thread = std::make_unique<QThread>();
        slot.thread->setObjectName(u"worker-%1"_s.arg(i + 1));
        slot.worker = std::make_unique<Worker>();
        slot.worker->moveToThread(slot.thread.get());
        slot.thread->start();
        bool opened = false;
        QString error;
        // The store's connection belongs to the thread that opens it: opened there.
        QMetaObject::invokeMethod(
            slot.worker.get(),
            [&, w = slot.worker.get()] { opened = w->open(first, shared, prepareStore, &error); },
            Qt::BlockingQueuedConnection);
        if (!opened) {
            m_error = error;
            qCInfo(lcWorkers) << "answering on the main thread:" << error;
            slot.thread->quit();
            slot.thread->wait();
            break;
        }
        m_workers.push_back(std::move(slot));
    }
}

WorkerPool::~WorkerPool()
{
    stop();
}

void WorkerPool::stop()
{
    {
        std::unique_lock lock(m_stopping);
        if (m_stopped)
            return;
        m_stopped = true;
    }
    for (Slot &slot : m_workers) {
        // Waits for the request under way; what is still queued is dropped with the
        // worker below (its responders answer 500).
        QMetaObject::invokeMethod(
            slot.worker.get(), [w = slot.worker.get()] { w->close(); },
            Qt::BlockingQueuedConnection);
        slot.thread->quit();
        slot.thread->wait();
        slot.worker.reset();
    }
}

void WorkerPool::dispatch(http::Request request, const http::Responder &responder)
{
    std::shared_lock lock(m_stopping);
    if (m_stopped || m_workers.empty()) {
        responder.send(http::Response::error(503, u"busy"_s,
                                             u"The server is shutting down. Try again shortly."_s));
        return;
    }
    // The least busy worker, starting the search at the next one in turn.
    const size_t n = m_workers.size();
    const size_t start = m_next.fetch_add(1, std::memory_order_relaxed) % n;
    size_t best = start;
    int fewest = m_workers[start].worker->busy.load();
    for (size_t i = 1; i < n && fewest > 0; ++i) {
        const size_t j = (start + i) % n;
        const int busy = m_workers[j].worker->busy.load();
        if (busy < fewest) {
            best = j;
            fewest = busy;
        }
    }
    Worker *worker = m_workers[best].worker.get();
    worker->busy.fetch_add(1);
    QMetaObject::invokeMethod(
        worker,
        [worker, request = std::move(request), responder] {
            worker->handle(request, responder);
            worker->busy.fetch_sub(1);
        },
        Qt::QueuedConnection);
}

} // namespace server::api
