#include "core/alerts/alertstore.h"
#include "core/demo/demodata.h"
#include "core/storage/migrations.h"
#include "core/util/clock.h"
#include "tests/support/demodatabase.h"
#include "tests/support/fullwindow.h"
#include "ui/dialogs/alertruledialog.h"
#include "ui/viewstate.h"
#include "ui/widgets/rowsmodel.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

namespace {
constexpr qint64 kNow = 1795564800 + 12 * 3600; // 2026-11-25 12:00 UTC
}

// The Alerts page as a user meets it: the demo's rules and their history, a rule added from the page's dialog
// (with its faults named before anything is saved) and removed again.
class TestAlertsPage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_path = m_dir.filePath("a.sqlite");
        makeDemoDatabase(m_path, kNow, 7, 200);
    }

    void showsRulesAndTheirHistory()
    {
        FullWindow full(m_path, m_clock);
        full.window.viewState()->setSite({});
        full.window.viewState()->setPreset(RangePreset::Last7Days);
        full.window.showPage(PageId::Alerts);
        full.window.show();
        auto* page = qobject_cast<AlertsPage*>(full.window.page(PageId::Alerts));
        QTRY_COMPARE(page->rulesModel()->rowCount(), 3);
        QCOMPARE(page->summary()->text(), QString("No alert firing · 3 rules watched"));
        QCOMPARE(page->rulesModel()->rows().at(0).at(0).toString(), QString("Site errors"));
        QCOMPARE(page->rulesModel()->rows().at(0).at(2).toString(), QString("above 5"));
        QCOMPARE(page->historyModel()->rowCount(), 4);
        // Newest first, with the values seen.
        QCOMPARE(page->historyModel()->rows().at(3).at(2).toString(), QString("firing"));
        QCOMPARE(page->historyModel()->rows().at(3).at(4).toDouble(), 12.5);
        QVERIFY(!page->addButton()->isHidden());
    }

    void ruleFromTheDialog()
    {
        FullWindow full(m_path, m_clock);
        AlertRuleDialog dialog(full.runner);
        QTRY_VERIFY(dialog.seriesBox()->count() > 20);
        const int share = dialog.seriesBox()->findData("traffic.share.5xx");
        QVERIFY(share >= 0);
        dialog.seriesBox()->setCurrentIndex(share);
        dialog.kindBox()->setCurrentIndex(dialog.kindBox()->findData("above"));
        dialog.thresholdEdit()->setText("5");
        dialog.forEdit()->setText("ten minutes");
        QString error;
        QVERIFY(!dialog.rule(&error));
        QVERIFY2(error.contains("For:") && error.contains("ten minutes"), qPrintable(error));
        dialog.forEdit()->setText("10m");
        dialog.severityBox()->setCurrentIndex(dialog.severityBox()->findData("critical"));
        dialog.webhookEdit()->setText("https://hooks.slack.com/services/T/B/x");
        dialog.nameEdit()->setText("Errors on the site");
        dialog.emailEdit()->setText("ops@example.org, not-an-address");
        QVERIFY(!dialog.rule(&error));
        QVERIFY2(error.contains("Email to:") && error.contains("not-an-address"), qPrintable(error));
        dialog.emailEdit()->setText("ops@example.org, lead@example.org");
        const std::optional<AlertRule> rule = dialog.rule(&error);
        QVERIFY2(rule, qPrintable(error));
        QCOMPARE(rule->series, QString("traffic.share.5xx"));
        QCOMPARE(rule->forSecs, 600);
        QCOMPARE(rule->webhookFormat, QString("slack"));
        QCOMPARE(rule->severity, AlertRule::Severity::Critical);
        QCOMPARE(rule->email, QStringList({ "ops@example.org", "lead@example.org" }));

        // An anomaly rule: the sensitivity picked with the kind, no value, an hour's window.
        AlertRuleDialog unusual(full.runner);
        unusual.seriesBox()->setEditText("traffic.requests");
        unusual.kindBox()->setCurrentIndex(unusual.kindBox()->findData("anomaly-high"));
        QVERIFY(!unusual.thresholdEdit()->isEnabled());
        const std::optional<AlertRule> band = unusual.rule(&error);
        QVERIFY2(band, qPrintable(error));
        QCOMPARE(band->kind, AlertRule::Kind::Anomaly);
        QCOMPARE(band->condition(), QString("outside its usual band (high)"));
        QCOMPARE(band->window, 3600);

        auto* page = qobject_cast<AlertsPage*>(full.window.page(PageId::Alerts));
        QCOMPARE(page->addRule(*rule), QString());
        QTRY_COMPARE(page->rulesModel()->rowCount(), 4);
        QCOMPARE(page->rulesModel()->rows().at(3).at(0).toString(), QString("Errors on the site"));
        Database db(m_path, Database::Mode::ReadOnly);
        QCOMPARE(AlertStore(db).rules().size(), 4);
        // The webhook's URL is a secret: the rule keeps it masked and says where the URL is.
        const AlertRule stored = AlertStore(db).rules().at(3);
        QCOMPARE(stored.webhook, QString("hooks.slack.com/…"));
        QVERIFY2(stored.webhookSecret.startsWith("file:"), qPrintable(stored.webhookSecret));
        // A bad webhook is refused with its fault, nothing saved.
        AlertRule bad = *rule;
        bad.webhook = "ftp://example";
        QVERIFY(page->addRule(bad).contains("http://"));
        QCOMPARE(AlertStore(db).rules().size(), 4);
    }

    void removeTheSelectedRule()
    {
        FullWindow full(m_path, m_clock);
        full.window.showPage(PageId::Alerts);
        full.window.show();
        auto* page = qobject_cast<AlertsPage*>(full.window.page(PageId::Alerts));
        QTRY_COMPARE(page->rulesModel()->rowCount(), 4);
        QVERIFY(!page->removeButton()->isEnabled());
        page->rulesView()->selectRow(3);
        QVERIFY(page->removeButton()->isEnabled());
        QTest::mouseClick(page->removeButton(), Qt::LeftButton);
        QTRY_COMPARE(page->rulesModel()->rowCount(), 3);
        Database db(m_path, Database::Mode::ReadOnly);
        QCOMPARE(AlertStore(db).rules().size(), 3);
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    ManualClock m_clock { kNow * 1000 };
};

} // namespace activity

QTEST_MAIN(activity::TestAlertsPage)
#include "tst_alertspage.moc"
