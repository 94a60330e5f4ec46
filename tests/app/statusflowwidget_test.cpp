// StatusFlowWidget, the status steps of the detail pane: which steps a click or the keyboard
// may request (only legal moves, reopen from resolved, nothing when read-only), its
// accessible description and painting in a light and a dark palette. Offscreen.
#include "widgets/statusflowwidget.h"

#include <QApplication>
#include <QImage>
#include <QPalette>
#include <QTest>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using core::Status;

namespace {

// Records statusRequested as ints (readable in failure messages).
struct StatusRecorder {
    explicit StatusRecorder(StatusFlowWidget *widget)
    {
        QObject::connect(widget, &StatusFlowWidget::statusRequested, widget,
                         [this](Status s) { requested.append(int(s)); });
    }
    QList<int> requested;
};

QPoint stepCenter(const QWidget &widget, int step)
{
    return {int(widget.width() * (step + 0.5) / core::StatusCount), widget.height() / 2};
}

class StatusFlowTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        widget.resize(550, 34);
        widget.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&widget));
    }
    StatusFlowWidget widget;
    StatusRecorder recorder{&widget};
};

} // namespace

TEST_F(StatusFlowTest, ClickOnALegalStepRequestsIt)
{
    widget.setStatus(Status::Open);
    QTest::mouseClick(&widget, Qt::LeftButton, {}, stepCenter(widget, int(Status::Waiting)));
    QTest::mouseClick(&widget, Qt::LeftButton, {}, stepCenter(widget, int(Status::Closed)));
    EXPECT_EQ(recorder.requested, (QList<int>{int(Status::Waiting), int(Status::Closed)}));
    // The widget only asks: the caller sets the status once the server agreed.
    EXPECT_EQ(widget.status(), Status::Open);
}

TEST_F(StatusFlowTest, ReopenFromResolvedIsAllowedButNotGoingBackElsewhere)
{
    widget.setStatus(Status::Resolved);
    QTest::mouseClick(&widget, Qt::LeftButton, {}, stepCenter(widget, int(Status::Waiting)));
    QTest::mouseClick(&widget, Qt::LeftButton, {}, stepCenter(widget, int(Status::New)));
    QTest::mouseClick(&widget, Qt::LeftButton, {}, stepCenter(widget, int(Status::Resolved)));
    EXPECT_TRUE(recorder.requested.isEmpty());
    QTest::mouseClick(&widget, Qt::LeftButton, {}, stepCenter(widget, int(Status::Open)));
    EXPECT_EQ(recorder.requested, (QList<int>{int(Status::Open)}));
}

TEST_F(StatusFlowTest, ReadOnlyIgnoresClicksAndKeys)
{
    widget.setStatus(Status::Open);
    widget.setEditable(false);
    QTest::mouseClick(&widget, Qt::LeftButton, {}, stepCenter(widget, int(Status::Waiting)));
    QTest::keyClick(&widget, Qt::Key_Right);
    QTest::keyClick(&widget, Qt::Key_Space);
    EXPECT_TRUE(recorder.requested.isEmpty());
    EXPECT_EQ(widget.focusPolicy(), Qt::NoFocus);

    widget.setEditable(true);
    EXPECT_EQ(widget.focusPolicy(), Qt::StrongFocus);
    QTest::mouseClick(&widget, Qt::LeftButton, {}, stepCenter(widget, int(Status::Waiting)));
    EXPECT_EQ(recorder.requested, (QList<int>{int(Status::Waiting)}));
}

TEST_F(StatusFlowTest, KeyboardMovesAndRequests)
{
    widget.setStatus(Status::Open);
    QTest::keyClick(&widget, Qt::Key_Right);
    QTest::keyClick(&widget, Qt::Key_Space);
    QTest::keyClick(&widget, Qt::Key_Right);
    QTest::keyClick(&widget, Qt::Key_Return);
    EXPECT_EQ(recorder.requested, (QList<int>{int(Status::Waiting), int(Status::Resolved)}));

    // From Resolved, Waiting is out of reach; Open (reopen) is not.
    recorder.requested.clear();
    widget.setStatus(Status::Resolved);
    QTest::keyClick(&widget, Qt::Key_Left);
    QTest::keyClick(&widget, Qt::Key_Space);
    EXPECT_TRUE(recorder.requested.isEmpty());
    QTest::keyClick(&widget, Qt::Key_Left);
    QTest::keyClick(&widget, Qt::Key_Enter);
    EXPECT_EQ(recorder.requested, (QList<int>{int(Status::Open)}));
}

TEST_F(StatusFlowTest, DescribesItselfAndPaintsInBothPalettes)
{
    widget.setStatus(Status::Waiting);
    EXPECT_FALSE(widget.accessibleName().isEmpty());
    EXPECT_TRUE(widget.accessibleDescription().contains(u"Waiting"_s));
    EXPECT_GE(widget.sizeHint().width(), 500);
    EXPECT_GE(widget.sizeHint().height(), 30);

    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    for (const QPalette &palette : {QApplication::palette(), dark}) {
        widget.setPalette(palette);
        const QImage image = widget.grab().toImage();
        // The current step is filled with the status colour.
        const QColor center = image.pixelColor(stepCenter(widget, int(Status::Waiting)) +
                                               QPoint(0, widget.height() / 2 - 4));
        EXPECT_GT(center.red(), 180) << qPrintable(center.name());
        EXPECT_LT(center.blue(), 100) << qPrintable(center.name());
    }
}
