#pragma once

#include "core/enums.h"

#include <QWidget>

class QPainterPath;

// The status bar the product is known for: new → open → waiting → resolved → closed as a
// row of chevron steps, the current step highlighted, the steps behind it marked done.
// Where the width is short, the steps wrap onto a second row instead of eliding.
// Staff use it as a control: click a step (or move with Left/Right and press Space/Enter)
// to request that status; steps the status flow does not allow from here are greyed
// out and do nothing. Painted by hand; follows the palette (light and dark).
class StatusFlowWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusFlowWidget)

public:
    explicit StatusFlowWidget(QWidget *parent = nullptr);
    ~StatusFlowWidget() override;

    core::Status status() const { return m_status; }
    void setStatus(core::Status status);
    // Read-only: shows the status, emits nothing (e.g. while an edit is in flight).
    void setEditable(bool editable);
    bool isEditable() const { return m_editable; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    // Narrow: the steps wrap onto more rows rather than cutting their labels.
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    // Every step's label is shown in full (not elided) at the current size.
    bool labelsFit() const;

Q_SIGNALS:
    // The user asked for `status` (a legal transition from the current one).
    void statusRequested(core::Status status);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override; // tooltips per step

private:
    int rowHeight() const;
    // The width every step needs to show its label whole (done ones with a check mark, the
    // current one bold).
    int stepWidth() const;
    int columnsFor(int width) const;
    QString labelFor(int step) const;
    QFont fontFor(int step) const;
    int stepAt(const QPoint &pos) const;
    QRectF stepRect(int step) const;
    bool isReachable(int step) const;
    // The step Left/Right/Space act on: the one moved to, else the current one.
    int keyboardStep() const;
    QPainterPath chevron(int step) const;
    QRectF labelRect(int step) const;
    QString toolTipFor(int step) const;
    void updateHoverCursor();
    void updateAccessibleDescription();

    core::Status m_status = core::Status::New;
    bool m_editable = true;
    int m_hover = -1;
    int m_focusStep = -1;
};
