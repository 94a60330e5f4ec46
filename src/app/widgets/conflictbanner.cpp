#include "widgets/conflictbanner.h"

#include "ui_conflictbanner.h"
#include "widgets/widgetstyle.h"

#include <QAccessible>
#include <QPainter>
#include <QStyle>

using namespace Qt::StringLiterals;

ConflictBanner::ConflictBanner(QWidget *parent)
    : QFrame(parent)
    , m_ui(std::make_unique<Ui::ConflictBanner>())
{
    m_ui->setupUi(this);
    setObjectName(u"conflictBanner"_s);
    setAccessibleName(tr("Edit conflict"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_ui->iconLabel->setPixmap(
        style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize));
    widgets::setupCloseButton(m_ui->closeButton);

    connect(m_ui->reloadButton, &QPushButton::clicked, this, [this] {
        hide();
        Q_EMIT reloadRequested();
    });
    connect(m_ui->reapplyButton, &QPushButton::clicked, this, [this] {
        hide();
        Q_EMIT reapplyRequested();
    });
    connect(m_ui->closeButton, &QToolButton::clicked, this, [this] {
        hide();
        Q_EMIT dismissed();
    });
    applyColors();
}

ConflictBanner::~ConflictBanner() = default;

void ConflictBanner::setMessage(const QString &text)
{
    m_ui->messageLabel->setText(text);
    setAccessibleDescription(text);
    if (isVisible()) {
        // Screen readers announce the conflict; it appears without the user asking.
        QAccessibleEvent alert(this, QAccessible::Alert);
        QAccessible::updateAccessibility(&alert);
    }
}

QString ConflictBanner::message() const
{
    return m_ui->messageLabel->text();
}

void ConflictBanner::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    widgets::paintBanner(painter, rect(),
                         widgets::bannerColors(widgets::BannerTone::Warning, palette()));
}

void ConflictBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        applyColors();
    QFrame::changeEvent(event);
}

void ConflictBanner::applyColors()
{
    // Only the label takes the banner's text colour: the buttons keep the theme's look.
    const auto colors = widgets::bannerColors(widgets::BannerTone::Warning, palette());
    QPalette labelPalette = m_ui->messageLabel->palette();
    labelPalette.setColor(QPalette::WindowText, colors.text);
    m_ui->messageLabel->setPalette(labelPalette);
}
