#include "checkpointer.h"

#include <QAtomicInt>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace server::sqlite {

Checkpointer::Checkpointer(const QString &databasePath, QObject *parent)
    : QThread(parent)
    , m_path(databasePath)
{}

Checkpointer::~Checkpointer()
{
    quit();
    wait();
}

void Checkpointer::run()
{
    static QAtomicInt counter;
    const QString name = u"checkpointer-%1"_s.arg(counter.fetchAndAddRelaxed(1));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(m_path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        if (db.open()) {
            QTimer timer;
            timer.setInterval(1000);
            QObject::connect(&timer, &QTimer::timeout, &timer,
                             [&db] { QSqlQuery(db).exec(u"PRAGMA wal_checkpoint(PASSIVE)"_s); });
            timer.start();
            exec();
            // A last full pass so that a clean stop leaves a small WAL behind.
            QSqlQuery(db).exec(u"PRAGMA wal_checkpoint(PASSIVE)"_s);
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace server::sqlite
