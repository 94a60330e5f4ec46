#pragma once

#include "requesthandler.h"

#include <QObject>
#include <QThread>
#include <atomic>
#include <functional>
#include <memory>
#include <shared_mutex>
#include <vector>

namespace server::api {

// One worker thread of the pool: a QThread with its own event loop, its own store (a
// sibling connection of the server's) and its own RequestHandler. Lives on its thread.
class Worker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Worker)

public:
    Worker() = default;
    ~Worker() override;

    // On the worker's thread: opens the store and the routes; false with `error` set.
    bool open(Store &first, const RequestHandler::Shared &shared,
              const std::function<void(Store &)> &prepareStore, QString *error);
    // On the worker's thread: drops the routes and closes the store.
    void close();
    void handle(const http::Request &request, const http::Responder &responder);

    // Requests posted to this worker and not finished handling (read from any thread).
    std::atomic<int> busy{0};

private:
    std::unique_ptr<Store> m_store;
    std::unique_ptr<RequestHandler> m_handler;
};

// The threads that answer requests, each over its own database connection (in WAL mode
// SQLite's readers run in parallel beside the one writer; writes queue on the store's
// write lock). dispatch() is called on the HTTP front's I/O thread: it posts the request
// to the least busy worker (round robin among equals). A connection sends its next request
// only after the answer to the last one, so each connection's requests are answered in
// order whatever worker takes them.
class WorkerPool
{
    Q_DISABLE_COPY_MOVE(WorkerPool)

public:
    // Starts `count` workers over siblings of `first`; `prepareStore` runs on each worker's
    // thread with its store before any request (e.g. to set its event listener). Empty
    // when `first` cannot be shared (an in-memory database): see isEmpty().
    WorkerPool(int count, Store &first, const RequestHandler::Shared &shared,
               const std::function<void(Store &)> &prepareStore);
    ~WorkerPool();
    // Lets every worker finish the request it is handling, then closes the stores and
    // ends the threads. The requests still queued are answered 500, new ones 503.
    void stop();

    bool isEmpty() const { return m_workers.empty(); }
    int size() const { return int(m_workers.size()); }
    QString error() const { return m_error; }
    // Thread-safe.
    void dispatch(http::Request request, const http::Responder &responder);

private:
    struct Slot {
        std::unique_ptr<QThread> thread;
        std::unique_ptr<Worker> worker;
    };
    std::vector<Slot> m_workers;
    std::shared_mutex m_stopping; // exclusive while the pool stops
    bool m_stopped = false;
    std::atomic<unsigned> m_next{0};
    QString m_error;
};

// The number of workers for a configured count: 0 means one per core.
int workerCount(int configured);

} // namespace server::api
