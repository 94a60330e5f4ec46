#include "widgets/messagebanner.h"

#include "widgets/widgetstyle.h"

#include <QAccessible>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

namespace {

widgets::BannerTone toneOf(MessageBanner::Kind kind)
{
    switch (kind) {
    case MessageBanner::Kind::Error:
        return widgets::BannerTone::Error;
    case MessageBanner::Kind::Warning:
        return widgets::BannerTone::Warning;
    case MessageBanner::Kind::Info:
        return widgets::BannerTone::Info;
    }
    return widgets::BannerTone::Error;
}

} // namespace

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_close(new QToolButton(this))
    , m_action(new QToolButton(this))
    , m_autoHide(new QTimer(this))
{
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_icon->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    // As tall as its text, however much room the window has to give.
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    widgets::setupCloseButton(m_close);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->setSpacing(8);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_action);
    layout->addWidget(m_close);
    m_action->setObjectName(QStringLiteral("messageBannerActionButton"));
    m_action->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_action->hide();

    m_autoHide->setSingleShot(true);
    m_autoHide->setInterval(6000);
    connect(m_autoHide, &QTimer::timeout, this, &MessageBanner::clear);
    connect(m_close, &QToolButton::clicked, this, [this] {
        clear();
        Q_EMIT dismissed();
    });

    applyKind();
    hide();
}

MessageBanner::~MessageBanner() = default;

void MessageBanner::setAction(QAction *action)
{
    if (m_action->defaultAction())
        m_action->removeAction(m_action->defaultAction());
    if (action)
        m_action->setDefaultAction(action);
    m_action->setVisible(action != nullptr);
}

void MessageBanner::setMessage(const QString &text, Kind kind)
{
    setAction(nullptr);
    m_kind = kind;
    m_text->setText(text);
    setAccessibleDescription(text);
    applyKind();
    show();
    if (kind == Kind::Info)
        m_autoHide->start();
    else
        m_autoHide->stop();
    if (kind != Kind::Info) {
        QAccessibleEvent alert(this, QAccessible::Alert);
        QAccessible::updateAccessibility(&alert);
    }
}

QString MessageBanner::message() const
{
    return m_text->text();
}

void MessageBanner::clear()
{
    m_autoHide->stop();
    hide();
}

void MessageBanner::setAutoHideInterval(int msecs)
{
    m_autoHide->setInterval(msecs);
}

int MessageBanner::autoHideInterval() const
{
    return m_autoHide->interval();
}

void MessageBanner::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    widgets::paintBanner(painter, rect(), widgets::bannerColors(toneOf(m_kind), palette()));
}

void MessageBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        applyKind();
    QFrame::changeEvent(event);
}

void MessageBanner::applyKind()
{
    const auto colors = widgets::bannerColors(toneOf(m_kind), palette());
    QPalette textPalette = m_text->palette();
    textPalette.setColor(QPalette::WindowText, colors.text);
    m_text->setPalette(textPalette);

    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxCritical;
    QString name = tr("Error");
    if (m_kind == Kind::Warning) {
        icon = QStyle::SP_MessageBoxWarning;
        name = tr("Warning");
    } else if (m_kind == Kind::Info) {
        icon = QStyle::SP_MessageBoxInformation;
        name = tr("Information");
    }
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(icon, nullptr, this).pixmap(size));
    m_icon->setAccessibleName(name);
    setAccessibleName(name);
    update();
}
