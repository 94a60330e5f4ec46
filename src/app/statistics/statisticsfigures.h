#pragma once

#include <QCoreApplication>
#include <QString>
#include <array>
#include <optional>

class QBoxLayout;
class QLabel;
class QWidget;
namespace models {
struct RatingStats;
}

namespace statistics {

// The statistics view's headline cards (average stars, satisfied share, response rate,
// number of ratings, first replies and resolutions in time), each with its change against the
// previous period. The cards are frames put into the layout given; their labels keep the object
// names the tests and the PDF report read ("averageValueLabel", "countChangeLabel", ...).
class StatisticsFigures final
{
    // The view's translation context: these strings were the view's and keep its words.
    Q_DECLARE_TR_FUNCTIONS(StatisticsView)

public:
    enum Kind { Average, Satisfied, Response, Count, FirstReplyInTime, ResolvedInTime, KindCount };

    StatisticsFigures(QWidget *parent, QBoxLayout *layout);

    // Shows the figures of `stats`, the tooltips naming the period compared with.
    void show(const models::RatingStats &stats);
    // "1 Nov 2026 – 30 Nov 2026": the days from `from` to `to` (exclusive) in the zone of
    // the answer, in the user's locale.
    static QString periodText(const models::RatingStats &stats, qint64 from, qint64 to);

    QString caption(Kind kind) const;
    QString value(Kind kind) const;
    QString change(Kind kind) const;

private:
    void setChange(Kind kind, std::optional<double> now, std::optional<double> before,
                   bool percentPoints, int decimals);

    struct Figure {
        QLabel *caption = nullptr;
        QLabel *value = nullptr;
        QLabel *change = nullptr;
    };
    QWidget *m_parent;
    std::array<Figure, KindCount> m_figures;
};

} // namespace statistics
