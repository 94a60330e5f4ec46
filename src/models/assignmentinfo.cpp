#include "assignmentinfo.h"

#include "core/timeutil.h"
#include "fleetedits.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace models {

namespace {

struct RuleParts {
    QString fleet;
    QString strategy;
    QString flow;
};

RuleParts ruleParts(const QJsonObject &a)
{
    RuleParts parts{a.value(u"fleet").toString(), a.value(u"strategy").toString(),
                    a.value(u"flow").toString()};
    if (!parts.fleet.isEmpty())
        return parts;
    // "Nord, round_robin, Spare part order": the flow name may itself hold commas.
    QString rule = a.value(u"rule").toString();
    const qsizetype colon = rule.indexOf(u": "_s);
    if (colon >= 0)
        rule.truncate(colon);
    const QStringList items = rule.split(u", "_s);
    parts.fleet = items.value(0);
    parts.strategy = items.value(1);
    parts.flow = items.mid(2).join(u", "_s);
    return parts;
}

QString staffOrId(const std::function<QString(qint64)> &staffName, qint64 id)
{
    const QString name = staffName ? staffName(id) : QString();
    return name.isEmpty() ? QCoreApplication::translate("models", "staff member %1").arg(id) : name;
}

} // namespace

AssignmentInfo describeAssignment(const QJsonObject &a,
                                  const std::function<QString(qint64)> &staffName)
{
    AssignmentInfo info;
    if (a.isEmpty())
        return info;
    info.at = core::parseIsoUtc(a.value(u"at").toString()).value_or(0);
    const QJsonValue by = a.value(u"by");
    if (by.toString() == u"rule") {
        const RuleParts p = ruleParts(a);
        const QString strategy = strategyPhrase(p.strategy);
        info.flagged = a.value(u"unassigned").toBool() || a.value(u"assigneeId").isNull();
        info.rule = p.flow.isEmpty()
                        ? QCoreApplication::translate("models", "%1 (%2)", "fleet (strategy)")
                              .arg(p.fleet, strategy)
                        : QCoreApplication::translate("models", "%1 (%2, rule for %3)",
                                                      "fleet (strategy, flow rule)")
                              .arg(p.fleet, strategy, p.flow);
        if (info.flagged) {
            info.text =
                p.flow.isEmpty()
                    ? QCoreApplication::translate(
                          "models", "Nobody available in fleet %1 (%2): assign it by hand")
                          .arg(p.fleet, strategy)
                    : QCoreApplication::translate(
                          "models", "Nobody available in fleet %1 (%2, rule for %3): assign it by "
                                    "hand")
                          .arg(p.fleet, strategy, p.flow);
        } else {
            info.text = p.flow.isEmpty()
                            ? QCoreApplication::translate("models", "Automatically: fleet %1, %2")
                                  .arg(p.fleet, strategy)
                            : QCoreApplication::translate(
                                  "models", "Automatically: fleet %1, %2, rule for %3")
                                  .arg(p.fleet, strategy, p.flow);
        }
        return info;
    }
    QString name = a.value(u"byName").toString();
    if (name.isEmpty())
        name = staffOrId(staffName, by.toInteger());
    info.text = a.value(u"assigneeId").isNull()
                    ? QCoreApplication::translate("models", "Unassigned by %1").arg(name)
                    : QCoreApplication::translate("models", "By %1").arg(name);
    return info;
}

} // namespace models
