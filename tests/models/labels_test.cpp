// Shared labels and formatting of the models.
#include "models/labels.h"

#include <QTextDocument>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

TEST(Labels, ToolTipsShowStrangersTextLiterally)
{
    const QString title = u"<b>Drucker</b> & <img src=x onerror=alert(1)>\nZeile 2"_s;
    const QString tip = models::plainToolTip(title);
    // Rendered the way QToolTip renders rich text, the text comes out exactly as typed.
    QTextDocument doc;
    doc.setHtml(tip);
    EXPECT_EQ(doc.toPlainText(), title);
    EXPECT_FALSE(tip.contains(u"<b>"_s));
    EXPECT_TRUE(models::plainToolTip(QString()).isEmpty());
}

TEST(Labels, StarsAndNames)
{
    EXPECT_EQ(models::starsText(4), u"★★★★☆"_s);
    EXPECT_EQ(models::starsText(0), QString());
    EXPECT_EQ(models::starsText(9), u"★★★★★"_s);
    EXPECT_EQ(models::statusLabel(core::Status::Waiting), u"Waiting"_s);
    EXPECT_EQ(models::priorityLabel(core::Priority::High), u"High"_s);
    EXPECT_EQ(models::visibilityLabel(core::Visibility::Internal), u"Internal"_s);
}
