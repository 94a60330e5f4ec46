#pragma once

#include "core/types.h"

#include <QJsonObject>
#include <QRandomGenerator>
#include <QStringList>

// German text fragments for the demo data and the generator. Pools indexed by template
// slot hold 3 lists: 0 printer, 1 lift, 2 coffee machine (see templateSlot()).
namespace server::demo::texts {

struct Pools {
    QList<QStringList> problemTitles; // by slot
    QList<QStringList> partTitles;    // by slot
    QStringList inquiryTitles;
    QStringList internalTitles;
    QStringList openers;        // first sentence of a description
    QList<QStringList> details; // by slot
    QStringList closings;
    QStringList codeUserLines; // messages from the field
    QStringList staffLines;    // answers from the backoffice
    QStringList notes;         // internal notes
    QStringList praise;        // rating comments for 4-5 stars (may be empty)
    QStringList complaints;    // rating comments for 1-2 stars
    QStringList codeUserNames;
    QList<QStringList> partNumbers; // by slot
    QStringList errorCodes;
    QStringList triedSteps;
    QStringList deliveryNotes;
    // Content from strangers that must be shown as text, never interpreted.
    QStringList hostileTitles;
    QStringList hostileBodies;
};

const Pools &pools();

inline const QString &pick(const QStringList &list, QRandomGenerator &rng)
{
    return list.at(rng.bounded(int(list.size())));
}

// A title fitting the flow (by key) and the device's template slot.
const QString &title(int slot, const QString &flowKey, QRandomGenerator &rng);
// Two or three sentences describing the problem or request.
QString description(int slot, QRandomGenerator &rng);
// Values for every required field and some optional ones, of the field's type.
QJsonObject fieldValues(const QList<core::FlowField> &fields, int slot, QRandomGenerator &rng);

// Small valid files for demo attachments: a 16x16 PNG and a one-page PDF showing `line`
// (Latin-1).
QByteArray samplePng();
QByteArray samplePdf(const QString &line);

} // namespace server::demo::texts
