#pragma once

#include <QMainWindow>

class QListWidget;
class QStackedWidget;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QString databasePath, QWidget* parent = nullptr);

    QStringList pageNames() const;
    void showPage(int index);

private:
    void addPage(const QString& title, QWidget* page);
    void buildMenus();

    QString m_databasePath;
    QListWidget* m_pageList = nullptr;
    QStackedWidget* m_pages = nullptr;
};
