#pragma once

#include <QList>
#include <QString>

namespace server::sqlite {

// Versioned schema migrations, applied in order at start-up; PRAGMA user_version holds
// how many have run. Append new migrations; never edit one that has shipped.
const QList<QStringList> &migrations();

} // namespace server::sqlite
