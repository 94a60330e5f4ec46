#pragma once

#include <QCoreApplication>
#include <QFont>
#include <QRect>
#include <QStringList>

class QPainter;
class QPdfWriter;
namespace models {
class BreakdownModel;
class LowRatingsModel;
struct RatingStats;
} // namespace models

namespace statistics {

class StatisticsCharts;

// The layout of the statistics' PDF report on landscape A4: the period, the headline
// figures and the star and trend charts; then the breakdown as chart and table; then the
// low ratings with their comments on as many pages as they need. Reads what the view
// shows (its models, charts and texts) and writes nothing else.
class StatisticsReport final
{
    Q_DECLARE_TR_FUNCTIONS(StatisticsView)

public:
    struct Content {
        const models::RatingStats *stats = nullptr;
        QString subtitle;     // the period and the filters
        QStringList captions; // of the headline figures, with their values and changes
        QStringList values;
        QStringList changes;
        QString emptyText; // shown instead of the charts for a period without ratings
        const models::BreakdownModel *breakdown = nullptr;
        const models::LowRatingsModel *lowRatings = nullptr;
        const StatisticsCharts *charts = nullptr;
        QFont font; // the view's; the report sets its own sizes
    };

    StatisticsReport(QPainter &painter, QPdfWriter &pdf, const Content &content);
    void paint();

private:
    void paintFigures();
    void paintBreakdown();
    void paintLowRatings();
    // Draws `text` wrapped into the width from `y` on and returns the y below it.
    int drawBlock(int x, int y, int width, const QString &text, const QFont &font);

    QPainter &m_painter;
    QPdfWriter &m_pdf;
    const Content &m_content;
    QRect m_page;
    QFont m_normal, m_bold, m_title, m_big;
    int m_lineHeight = 0;
};

} // namespace statistics
