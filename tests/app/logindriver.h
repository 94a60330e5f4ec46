#pragma once
// Driving the application's own windows in GUI tests: the visible top-level window of a
// type, and a sign-in typed into the login dialog as a person would.
#include "widgets/logindialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <gtest/gtest.h>

namespace guitest {

// The visible top-level window of type T, or null.
template <typename T> T *topLevel()
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (auto *t = qobject_cast<T *>(w); t && t->isVisible())
            return t;
    }
    return nullptr;
}

// Types `login` and `password` and clicks OK, once OK is enabled within `okWithinMs`
// (0: it must be at once).
inline void signIn(LoginDialog *dialog, const QString &login, const QString &password,
                   int okWithinMs = 0)
{
    auto *loginEdit = dialog->findChild<QLineEdit *>(QStringLiteral("loginLineEdit"));
    auto *passwordEdit = dialog->findChild<QLineEdit *>(QStringLiteral("passwordLineEdit"));
    ASSERT_TRUE(loginEdit && passwordEdit);
    loginEdit->clear();
    QTest::keyClicks(loginEdit, login);
    passwordEdit->clear();
    QTest::keyClicks(passwordEdit, password);
    auto *buttons = dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"));
    ASSERT_TRUE(buttons);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    if (okWithinMs > 0)
        ASSERT_TRUE(QTest::qWaitFor([&] { return ok->isEnabled(); }, okWithinMs));
    else
        ASSERT_TRUE(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
}

} // namespace guitest
