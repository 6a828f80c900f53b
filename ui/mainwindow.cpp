#include "ui/mainwindow.h"

#include "ui/aboutdialog.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QStackedWidget>

MainWindow::MainWindow(QString databasePath, QWidget* parent)
    : QMainWindow(parent)
    , m_databasePath(std::move(databasePath))
{
    setWindowTitle(tr("Activity Dashboard"));
    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    m_pageList = new QListWidget(central);
    m_pageList->setObjectName(QStringLiteral("pageList"));
    m_pageList->setFixedWidth(170);
    m_pages = new QStackedWidget(central);
    layout->addWidget(m_pageList);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    const QStringList titles = { tr("Overview"), tr("GitHub"), tr("Docker Hub"), tr("Traffic"), tr("World map"),
        tr("Sources"), tr("Health") };
    for (const QString& title : titles) {
        auto* placeholder = new QLabel(tr("%1: no data yet.").arg(title), m_pages);
        placeholder->setTextFormat(Qt::PlainText);
        placeholder->setAlignment(Qt::AlignCenter);
        addPage(title, placeholder);
    }
    connect(m_pageList, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_pageList->setCurrentRow(0);
    buildMenus();
    resize(1280, 800);
}

void MainWindow::addPage(const QString& title, QWidget* page)
{
    m_pageList->addItem(title);
    m_pages->addWidget(page);
}

QStringList MainWindow::pageNames() const
{
    QStringList names;
    for (int i = 0; i < m_pageList->count(); ++i)
        names.append(m_pageList->item(i)->text());
    return names;
}

void MainWindow::showPage(int index)
{
    m_pageList->setCurrentRow(index);
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Activity Dashboard"), this, [this] {
        AboutDialog dialog(this);
        dialog.exec();
    });
}
