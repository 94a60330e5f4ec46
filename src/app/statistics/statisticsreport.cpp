#include "statistics/statisticsreport.h"

#include "models/breakdownmodel.h"
#include "models/labels.h"
#include "models/lowratingsmodel.h"
#include "models/ratingstats.h"
#include "statistics/statisticscharts.h"

#include <QLocale>
#include <QPainter>
#include <QPdfWriter>

using namespace Qt::StringLiterals;

namespace statistics {

namespace {

constexpr int Gap = 12;

} // namespace

StatisticsReport::StatisticsReport(QPainter &painter, QPdfWriter &pdf, const Content &content)
    : m_painter(painter)
    , m_pdf(pdf)
    , m_content(content)
    , m_page(QPoint(0, 0), pdf.pageLayout().paintRectPixels(pdf.resolution()).size())
{
    m_normal = content.font;
    m_normal.setPointSizeF(9.5);
    m_bold = m_normal;
    m_bold.setBold(true);
    m_title = m_bold;
    m_title.setPointSizeF(16);
    m_big = m_bold;
    m_big.setPointSizeF(15);
    m_lineHeight = QFontMetrics(m_normal, &pdf).height() + 2;
}

int StatisticsReport::drawBlock(int x, int y, int width, const QString &text, const QFont &font)
{
    m_painter.setFont(font);
    const QRect bounds =
        m_painter.boundingRect(QRect(x, y, width, 100000), Qt::TextWordWrap | Qt::AlignLeft, text);
    m_painter.drawText(bounds, Qt::TextWordWrap | Qt::AlignLeft, text);
    return bounds.bottom() + 1;
}

void StatisticsReport::paint()
{
    m_painter.setPen(Qt::black);
    paintFigures();
    if (m_content.stats->isEmpty())
        return;
    paintBreakdown();
    paintLowRatings();
}

// Page 1: what, when, the figures and the two charts.
void StatisticsReport::paintFigures()
{
    int y = drawBlock(0, 0, m_page.width(), tr("Rating statistics"), m_title);
    y = drawBlock(0, y + 2, m_page.width(), m_content.subtitle, m_normal) + Gap;

    const qsizetype count = m_content.captions.size();
    const int column = m_page.width() / int(std::max<qsizetype>(1, count));
    int figuresBottom = y;
    for (qsizetype i = 0; i < count; ++i) {
        const int x = int(i) * column;
        int fy = drawBlock(x, y, column - Gap, m_content.captions.at(i), m_normal);
        fy = drawBlock(x, fy, column - Gap, m_content.values.value(i), m_big);
        fy = drawBlock(x, fy, column - Gap, m_content.changes.value(i), m_normal);
        figuresBottom = std::max(figuresBottom, fy);
    }
    y = figuresBottom + Gap * 2;

    if (m_content.stats->isEmpty()) {
        drawBlock(0, y, m_page.width(), m_content.emptyText, m_bold);
        return;
    }
    const int chartHeight = std::min(m_page.height() - y, m_page.width() * 2 / 5);
    const int starsWidth = m_page.width() * 2 / 5;
    m_content.charts->render(Chart::Stars, &m_painter, QRectF(0, y, starsWidth - Gap, chartHeight));
    m_content.charts->render(Chart::Trend, &m_painter,
                             QRectF(starsWidth, y, m_page.width() - starsWidth, chartHeight));
}

// Page 2: the breakdown, as chart and as table, in the order shown.
void StatisticsReport::paintBreakdown()
{
    const models::BreakdownModel *breakdown = m_content.breakdown;
    m_pdf.newPage();
    const int y = drawBlock(0, 0, m_page.width(),
                            tr("Breakdown: %1").arg(models::dimensionLabel(breakdown->dimension())),
                            m_title) +
                  Gap;
    const int half = m_page.width() / 2;
    const int barsHeight = 90 + 28 * std::min(breakdown->rowCount(), 12);
    m_content.charts->render(Chart::Breakdown, &m_painter,
                             QRectF(0, y, half - Gap, std::min(m_page.height() - y, barsHeight)));
    // The name takes a third of the half page, each figure two ninths.
    const int ninth = (m_page.width() - half) / 9;
    const std::array<int, 4> columns{half, half + 3 * ninth, half + 5 * ninth, half + 7 * ninth};
    const auto drawRow = [&](int rowY, const QStringList &cells, const QFont &f) {
        m_painter.setFont(f);
        for (int c = 0; c < 4; ++c) {
            const int right = c + 1 < 4 ? columns[size_t(c + 1)] : m_page.width();
            const QRect cell(columns[size_t(c)], rowY, right - columns[size_t(c)] - 6,
                             m_lineHeight);
            m_painter.drawText(
                cell, (c == 0 ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter,
                m_painter.fontMetrics().elidedText(cells.at(c), Qt::ElideRight, cell.width()));
        }
    };
    QStringList headers;
    for (int c = 0; c < models::BreakdownModel::ColumnCount; ++c)
        headers.append(breakdown->headerData(c, Qt::Horizontal).toString());
    int rowY = y;
    drawRow(rowY, headers, m_bold);
    for (int row = 0; row < breakdown->rowCount() && rowY + 2 * m_lineHeight < m_page.height();
         ++row) {
        rowY += m_lineHeight;
        QStringList cells;
        for (int c = 0; c < models::BreakdownModel::ColumnCount; ++c)
            cells.append(breakdown->index(row, c).data().toString());
        drawRow(rowY, cells, m_normal);
    }
}

// Then the low ratings loaded, with their comments, as many pages as they need.
void StatisticsReport::paintLowRatings()
{
    const QList<models::LowRating> &low = m_content.lowRatings->ratings();
    if (low.isEmpty())
        return;
    m_pdf.newPage();
    const std::array<int, 5> &distribution = m_content.stats->summary.distribution;
    const int lowCount = distribution[0] + distribution[1];
    int y =
        drawBlock(0, 0, m_page.width(),
                  tr("Low ratings (1 or 2 stars): %1").arg(QLocale().toString(lowCount)), m_title) +
        Gap;
    for (const models::LowRating &r : low) {
        const QString head = u"%1  ·  %2  ·  %3 %4  ·  %5"_s.arg(
            models::starsText(r.stars), models::shortDateTime(r.createdAt), r.number, r.title,
            m_content.lowRatings->assigneeName(r));
        const QString comment =
            r.comment.trimmed().isEmpty() ? tr("(no comment)") : r.comment.trimmed();
        m_painter.setFont(m_normal);
        const int needed =
            m_lineHeight +
            m_painter
                .boundingRect(QRect(0, 0, m_page.width() - 20, 100000), Qt::TextWordWrap, comment)
                .height();
        if (y + needed > m_page.height()) {
            m_pdf.newPage();
            y = 0;
        }
        y = drawBlock(0, y, m_page.width(), head, m_bold);
        y = drawBlock(20, y, m_page.width() - 20, comment, m_normal) + Gap / 2;
    }
}

} // namespace statistics
