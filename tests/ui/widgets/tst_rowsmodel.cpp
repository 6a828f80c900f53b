#include "ui/widgets/rowsmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

namespace activity {

class TestRowsModel : public QObject {
    Q_OBJECT
private slots:
    void modelIsConsistent()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        RowsModel model({ QStringLiteral("Path"), QStringLiteral("Requests"), QStringLiteral("Bytes") });
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBytesColumn(2);
        model.setRows({ { QStringLiteral("/<img src=x>"), qint64(12345), qint64(3 * 1024 * 1024) },
            { QStringLiteral("/"), qint64(7), qint64(10) } });
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), 3);
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("Requests"));
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("/<img src=x>"));
        QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("12,345"));
        QCOMPARE(model.index(0, 2).data().toString(),
            QStringLiteral("3.0 MiB")); // powers of 1024, labelled as such (like the chart axes)
        QCOMPARE(model.index(0, 1).data(Qt::UserRole).toLongLong(), 12345);
        QCOMPARE(model.index(0, 1).data(Qt::TextAlignmentRole).toInt(), int(Qt::AlignRight | Qt::AlignVCenter));
        QCOMPARE(model.index(0, 0).data(Qt::ToolTipRole).toString(),
            QStringLiteral("<p style='white-space:pre-wrap'>/&lt;img src=x&gt;</p>"));
        model.setRows({});
        QCOMPARE(model.rowCount(), 0);
    }

    void csv()
    {
        RowsModel model({ QStringLiteral("path"), QStringLiteral("requests") });
        model.setRows({ { QStringLiteral("/a,\"b\"\n"), qint64(3) } });
        QCOMPARE(model.csv(), QByteArray("path,requests\r\n\"/a,\"\"b\"\"\n\",3\r\n"));
    }
};

} // namespace activity

QTEST_MAIN(activity::TestRowsModel)
#include "tst_rowsmodel.moc"
