// The statistics view's exports: CSV (figures, trend, breakdowns, low ratings), each chart
// as PNG and the whole as PDF.
#include "statistics/statisticsview.h"

#include "ui_statisticsview.h"

#include "dialogs.h"
#include "models/breakdownmodel.h"
#include "models/directory.h"
#include "models/labels.h"
#include "models/lowratingsmodel.h"
#include "models/ratingstats.h"
#include "models/ratingstatscsv.h"
#include "widgets/messagebanner.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QPdfWriter>
#include <QPixmap>
#include <QSaveFile>

using namespace Qt::StringLiterals;
using statistics::Chart;

namespace {

// Draws `text` wrapped into the width from `y` on and returns the y below it.
int drawBlock(QPainter &painter, int x, int y, int width, const QString &text, const QFont &font)
{
    painter.setFont(font);
    const QRect bounds =
        painter.boundingRect(QRect(x, y, width, 100000), Qt::TextWordWrap | Qt::AlignLeft, text);
    painter.drawText(bounds, Qt::TextWordWrap | Qt::AlignLeft, text);
    return bounds.bottom() + 1;
}

} // namespace

void StatisticsView::setUpExportMenu()
{
    auto *menu = new QMenu(this);
    menu->addAction(tr("Figures and breakdowns as &CSV…"), this, [this] {
        const QString name =
            askSaveFileName(tr("Export rating statistics"),
                            suggestedFileName(tr("ratings"), u"csv"_s), tr("CSV files (*.csv)"));
        if (!name.isEmpty())
            exportCsv(name);
    });
    menu->addSeparator();
    const std::array<std::pair<Chart, QString>, statistics::ChartCount> charts{
        {{Chart::Stars, tr("Star chart")},
         {Chart::Trend, tr("Trend chart")},
         {Chart::Breakdown, tr("Breakdown chart")}}};
    for (const auto &[chart, label] : charts) {
        const auto save = [this, chart = chart, label = label] {
            const QString name =
                askSaveFileName(tr("Save %1").arg(label),
                                suggestedFileName(label.toLower().replace(u' ', u'-'), u"png"_s),
                                tr("PNG images (*.png)"));
            if (!name.isEmpty())
                saveChartImage(chart, name);
        };
        menu->addAction(tr("%1 as PNG…").arg(label), this, save);
        // The same from the chart's own context menu.
        QWidget *view = m_charts->view(chart);
        auto *action = new QAction(tr("Save as PNG…"), view);
        connect(action, &QAction::triggered, this, save);
        view->addAction(action);
        view->setContextMenuPolicy(Qt::ActionsContextMenu);
    }
    menu->addSeparator();
    menu->addAction(tr("Print to P&DF…"), this, [this] {
        const QString name =
            askSaveFileName(tr("Print rating statistics to PDF"),
                            suggestedFileName(tr("ratings"), u"pdf"_s), tr("PDF files (*.pdf)"));
        if (!name.isEmpty())
            printPdf(name);
    });
    m_ui->exportButton->setMenu(menu);
}

QString StatisticsView::suggestedFileName(const QString &what, const QString &suffix) const
{
    const models::RatingStatsQuery &q = m_source->query();
    if (!q.from.isValid())
        return what + u'.' + suffix;
    return u"%1-%2-%3.%4"_s.arg(what, q.from.toString(Qt::ISODate),
                                q.to.addDays(-1).toString(Qt::ISODate), suffix);
}

QString StatisticsView::askSaveFileName(const QString &title, const QString &suggested,
                                        const QString &filter)
{
    const QString dir = m_lastDirectory.isEmpty() ? QDir::homePath() : m_lastDirectory;
    const QString name =
        Dialogs::of(this).saveFileName(this, title, QDir(dir).filePath(suggested), filter);
    if (!name.isEmpty())
        m_lastDirectory = QFileInfo(name).absolutePath();
    return name;
}

bool StatisticsView::exportCsv(const QString &fileName)
{
    const models::RatingStats &stats = m_source->stats();
    if (stats.to == 0) {
        m_ui->messageBanner->setMessage(tr("There are no statistics to export yet."),
                                        MessageBanner::Kind::Warning);
        return false;
    }
    models::RatingStatsCsvInput input;
    input.stats = &stats;
    input.lowRatings = m_lowRatings->ratings();
    input.staffNames = m_directory->staffNames();
    input.filterDescription = filterDescription();
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) || file.write(models::ratingStatsCsv(input)) < 0 ||
        !file.commit()) {
        m_ui->messageBanner->setMessage(
            tr("Could not write %1: %2")
                .arg(QDir::toNativeSeparators(fileName), file.errorString()),
            MessageBanner::Kind::Error);
        return false;
    }
    m_ui->messageBanner->setMessage(tr("Saved %1").arg(QDir::toNativeSeparators(fileName)),
                                    MessageBanner::Kind::Info);
    return true;
}

bool StatisticsView::saveChartImage(Chart chart, const QString &fileName)
{
    const QPixmap image = m_charts->grab(chart);
    if (image.isNull() || !image.save(fileName, "PNG")) {
        m_ui->messageBanner->setMessage(
            tr("Could not write %1.").arg(QDir::toNativeSeparators(fileName)),
            MessageBanner::Kind::Error);
        return false;
    }
    m_ui->messageBanner->setMessage(tr("Saved %1").arg(QDir::toNativeSeparators(fileName)),
                                    MessageBanner::Kind::Info);
    return true;
}

bool StatisticsView::printPdf(const QString &fileName)
{
    if (m_source->stats().to == 0) {
        m_ui->messageBanner->setMessage(tr("There are no statistics to print yet."),
                                        MessageBanner::Kind::Warning);
        return false;
    }
    QPdfWriter pdf(fileName);
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setPageOrientation(QPageLayout::Landscape);
    pdf.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    // Screen resolution: the charts draw as on screen (as vectors), fonts keep their size.
    pdf.setResolution(96);
    pdf.setTitle(tr("Rating statistics"));
    pdf.setCreator(u"Ticket Backoffice"_s);
    QPainter painter;
    if (!painter.begin(&pdf)) {
        m_ui->messageBanner->setMessage(
            tr("Could not write %1.").arg(QDir::toNativeSeparators(fileName)),
            MessageBanner::Kind::Error);
        return false;
    }
    paintReport(painter, pdf);
    painter.end();
    m_ui->messageBanner->setMessage(tr("Saved %1").arg(QDir::toNativeSeparators(fileName)),
                                    MessageBanner::Kind::Info);
    return true;
}

void StatisticsView::paintReport(QPainter &painter, QPdfWriter &pdf)
{
    const models::RatingStats &stats = m_source->stats();
    const QRect page(QPoint(0, 0), pdf.pageLayout().paintRectPixels(pdf.resolution()).size());
    const int gap = 12;
    QFont normal = font();
    normal.setPointSizeF(9.5);
    QFont bold = normal;
    bold.setBold(true);
    QFont title = bold;
    title.setPointSizeF(16);
    QFont big = bold;
    big.setPointSizeF(15);
    painter.setPen(Qt::black);

    // Page 1: what, when, the figures and the two charts.
    int y = drawBlock(painter, 0, 0, page.width(), tr("Rating statistics"), title);
    QString subtitle = periodText(stats.from, stats.to);
    if (const QString filters = filterDescription(); !filters.isEmpty())
        subtitle += u" · "_s + filters;
    y = drawBlock(painter, 0, y + 2, page.width(), subtitle, normal) + gap;

    const QStringList captions{tr("Average stars"), tr("Satisfied"), tr("Response rate"),
                               tr("Ratings")};
    const int column = page.width() / FigureCount;
    int figuresBottom = y;
    for (int i = 0; i < FigureCount; ++i) {
        const int x = i * column;
        int fy = drawBlock(painter, x, y, column - gap, captions.at(i), normal);
        fy = drawBlock(painter, x, fy, column - gap, m_figures[size_t(i)].value->text(), big);
        fy = drawBlock(painter, x, fy, column - gap, m_figures[size_t(i)].change->text(), normal);
        figuresBottom = std::max(figuresBottom, fy);
    }
    y = figuresBottom + gap * 2;

    if (stats.isEmpty()) {
        drawBlock(painter, 0, y, page.width(),
                  m_ui->emptyLabel->text() + u"\n"_s + m_ui->emptyHintLabel->text(), bold);
        return;
    }
    const int chartHeight = std::min(page.height() - y, page.width() * 2 / 5);
    const int starsWidth = page.width() * 2 / 5;
    m_charts->render(Chart::Stars, &painter, QRectF(0, y, starsWidth - gap, chartHeight));
    m_charts->render(Chart::Trend, &painter,
                     QRectF(starsWidth, y, page.width() - starsWidth, chartHeight));

    // Page 2: the breakdown, as chart and as table.
    pdf.newPage();
    y = drawBlock(painter, 0, 0, page.width(),
                  tr("Breakdown: %1").arg(models::dimensionLabel(m_breakdown->dimension())),
                  title) +
        gap;
    const int half = page.width() / 2;
    const int barsHeight = 90 + 28 * std::min(m_breakdown->rowCount(), 12);
    m_charts->render(Chart::Breakdown, &painter,
                     QRectF(0, y, half - gap, std::min(page.height() - y, barsHeight)));
    const int lineHeight = QFontMetrics(normal, &pdf).height() + 2;
    // The name takes a third of the half page, each figure two ninths.
    const int ninth = (page.width() - half) / 9;
    const std::array<int, 4> columns{half, half + 3 * ninth, half + 5 * ninth, half + 7 * ninth};
    const auto drawRow = [&](int rowY, const QStringList &cells, const QFont &f) {
        painter.setFont(f);
        for (int c = 0; c < 4; ++c) {
            const int right = c + 1 < 4 ? columns[size_t(c + 1)] : page.width();
            const QRect cell(columns[size_t(c)], rowY, right - columns[size_t(c)] - 6, lineHeight);
            painter.drawText(
                cell, (c == 0 ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter,
                painter.fontMetrics().elidedText(cells.at(c), Qt::ElideRight, cell.width()));
        }
    };
    QStringList headers;
    for (int c = 0; c < models::BreakdownModel::ColumnCount; ++c)
        headers.append(m_breakdown->headerData(c, Qt::Horizontal).toString());
    int rowY = y;
    drawRow(rowY, headers, bold);
    for (int row = 0; row < m_breakdown->rowCount() && rowY + 2 * lineHeight < page.height();
         ++row) {
        rowY += lineHeight;
        QStringList cells;
        for (int c = 0; c < models::BreakdownModel::ColumnCount; ++c)
            cells.append(m_breakdown->index(row, c).data().toString());
        drawRow(rowY, cells, normal);
    }

    // Then the low ratings loaded, with their comments, as many pages as they need.
    const QList<models::LowRating> &low = m_lowRatings->ratings();
    if (low.isEmpty())
        return;
    pdf.newPage();
    const int lowCount = stats.summary.distribution[0] + stats.summary.distribution[1];
    y = drawBlock(painter, 0, 0, page.width(),
                  tr("Low ratings (1 or 2 stars): %1").arg(QLocale().toString(lowCount)), title) +
        gap;
    for (const models::LowRating &r : low) {
        const QString head = u"%1  ·  %2  ·  %3 %4  ·  %5"_s.arg(
            models::starsText(r.stars), models::shortDateTime(r.createdAt), r.number, r.title,
            m_lowRatings->assigneeName(r));
        const QString comment =
            r.comment.trimmed().isEmpty() ? tr("(no comment)") : r.comment.trimmed();
        painter.setFont(normal);
        const int needed =
            lineHeight +
            painter.boundingRect(QRect(0, 0, page.width() - 20, 100000), Qt::TextWordWrap, comment)
                .height();
        if (y + needed > page.height()) {
            pdf.newPage();
            y = 0;
        }
        y = drawBlock(painter, 0, y, page.width(), head, bold);
        y = drawBlock(painter, 20, y, page.width() - 20, comment, normal) + gap / 2;
    }
}
