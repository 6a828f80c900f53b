// translations/fr-window.tsv (applied to the .ts at the end): every line well formed, placeholders and
// accelerators kept, no English left twice.
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

namespace activity {

class TestFrenchWindow : public QObject {
    Q_OBJECT
private slots:
    void linesAreWellFormed()
    {
        QFile file(QStringLiteral(ACTIVITY_SOURCE_DIR "/translations/fr-window.tsv"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        static const QRegularExpression placeholder(QStringLiteral("%(\\d)"));
        QSet<QString> seen;
        int count = 0;
        while (!file.atEnd()) {
            const QString line = QString::fromUtf8(file.readLine()).chopped(1);
            if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
                continue;
            const QStringList f = line.split(QLatin1Char('\t'));
            QVERIFY2(f.size() == 2 && !f[1].trimmed().isEmpty(), qPrintable(line));
            QVERIFY2(!seen.contains(f[0]), qPrintable(f[0]));
            seen.insert(f[0]);
            QStringList a;
            for (const auto& m : placeholder.globalMatch(f[0]))
                a.append(m.captured(1));
            a.sort();
            // A plural message gives its forms as "singular|plural": each has every placeholder.
            for (const QString& form : f[1].split(QLatin1Char('|'))) {
                QStringList b;
                for (const auto& m : placeholder.globalMatch(form))
                    b.append(m.captured(1));
                b.sort();
                QVERIFY2(a == b, qPrintable(line));
            }
            QCOMPARE(f[0].contains(QLatin1Char('&')), f[1].contains(QLatin1Char('&')));
            ++count;
        }
        QVERIFY(count >= 120);
    }
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestFrenchWindow)
#include "tst_frenchwindow.moc"
