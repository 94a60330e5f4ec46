#include "datalock.h"

#include <QByteArray>
#include <QFile>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace server::cli {

std::unique_ptr<DataLock> DataLock::acquire(const QString &dataDir, QString *error)
{
    const QString path = dataDir + u"/ticket-server.lock"_s;
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = u"cannot open %1: %2"_s.arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return nullptr;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int err = errno;
        char pid[32] = {};
        const ssize_t n = ::pread(fd, pid, sizeof pid - 1, 0);
        ::close(fd);
        if (err == EWOULDBLOCK)
            *error = u"a ticket-server (process %1) is using the data folder %2"_s.arg(
                n > 0 ? QString::fromLatin1(pid).trimmed() : u"?"_s, dataDir);
        else
            *error = u"cannot lock %1: %2"_s.arg(path, QString::fromLocal8Bit(std::strerror(err)));
        return nullptr;
    }
    const QByteArray self = QByteArray::number(qint64(::getpid())) + '\n';
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, self.constData(), size_t(self.size()), 0) < 0) {
        // The number is only for the message above; the lock holds without it.
    }
    return std::unique_ptr<DataLock>(new DataLock(fd));
}

DataLock::~DataLock()
{
    ::close(m_fd); // releases the lock
}

} // namespace server::cli
