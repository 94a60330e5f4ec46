// GoogleTest entry point with an event loop (network replies need one): a QApplication for
// the widget suites (TICKET_TEST_GUI), a QCoreApplication for everything below them.
#include <gtest/gtest.h>

#ifdef TICKET_TEST_GUI
#include <QApplication>
using TestApplication = QApplication;
#else
#include <QCoreApplication>
using TestApplication = QCoreApplication;
#endif

int main(int argc, char *argv[])
{
#ifdef TICKET_TEST_GUI
    // Test discovery runs the binary at build time, without the ctest environment.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
#endif
    TestApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
