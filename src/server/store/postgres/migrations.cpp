#include "migrations.h"

#include "schema.h"

namespace server::postgres {

const QList<QStringList> &migrations()
{
    static const QList<QStringList> all{
        // 1: the baseline.
        schema::directoryTables() + schema::ticketTables() + schema::search() +
            schema::ratingStats() + schema::workloadAndSeen(),
    };
    return all;
}

} // namespace server::postgres
