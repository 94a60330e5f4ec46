#pragma once

#include <QString>
#include <memory>

namespace server::cli {

// An advisory lock (flock) on `ticket-server.lock` in the data folder: a running server
// holds it for its lifetime, and `restore` takes it, so that nothing is restored under a
// server's feet. The kernel drops it when the process ends, however it ends.
class DataLock
{
public:
    // Takes the lock without waiting; nullptr with the message when another process holds
    // it (or the file cannot be made).
    static std::unique_ptr<DataLock> acquire(const QString &dataDir, QString *error);
    ~DataLock();
    DataLock(const DataLock &) = delete;
    DataLock &operator=(const DataLock &) = delete;

private:
    explicit DataLock(int fd)
        : m_fd(fd)
    {}
    int m_fd = -1;
};

} // namespace server::cli
