// The dialog a desktop-started window shows when it cannot open its store: the reason as text, and each button's
// answer (the window tries again, falls back to this computer's file, or quits).
#include "ui/dialogs/storeproblemdialog.h"

#include <QLabel>
#include <QPushButton>
#include <QTest>

namespace activity {

class TestStoreProblemDialog : public QObject {
    Q_OBJECT
private slots:
    void theReasonIsPlainText()
    {
        const QString reason = QStringLiteral("connection to server at \"db\" failed:\n\t<b>refused</b> & gone");
        StoreProblemDialog dialog(QStringLiteral("postgresql://me@db:5432/activity"), reason, true);
        QCOMPARE(dialog.reasonLabel()->textFormat(), Qt::PlainText);
        QCOMPARE(dialog.reasonLabel()->text(), reason.simplified());
        QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("problemStore"))->text(),
            QStringLiteral("postgresql://me@db:5432/activity"));
    }

    void eachButtonAnswers_data()
    {
        QTest::addColumn<QString>("button");
        QTest::addColumn<int>("choice");
        QTest::addColumn<int>("result");
        QTest::newRow("try again") << "tryAgain" << int(StoreProblemDialog::Choice::TryAgain) << int(QDialog::Accepted);
        QTest::newRow("this computer's file")
            << "useLocalFile" << int(StoreProblemDialog::Choice::UseThisComputersFile) << int(QDialog::Accepted);
        QTest::newRow("quit") << "quit" << int(StoreProblemDialog::Choice::Quit) << int(QDialog::Rejected);
    }
    void eachButtonAnswers()
    {
        QFETCH(QString, button);
        QFETCH(int, choice);
        QFETCH(int, result);
        StoreProblemDialog dialog(QStringLiteral("postgresql://me@db/a"), QStringLiteral("refused"), true);
        dialog.show();
        auto* pressed = dialog.findChild<QPushButton*>(button);
        QVERIFY(pressed);
        QTest::mouseClick(pressed, Qt::LeftButton);
        QCOMPARE(int(dialog.choice()), choice);
        QCOMPARE(dialog.result(), result);
    }

    // A file that cannot be opened has no "this computer's file" to fall back to: it is that file.
    void aFileOffersNoFallback()
    {
        StoreProblemDialog dialog(QStringLiteral("/home/me/.local/share/activity.sqlite"),
            QStringLiteral("unable to open database file"), false);
        QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("useLocalFile")));
        QVERIFY(dialog.findChild<QPushButton*>(QStringLiteral("tryAgain")));
    }
};

} // namespace activity

QTEST_MAIN(activity::TestStoreProblemDialog)
#include "tst_storeproblemdialog.moc"
