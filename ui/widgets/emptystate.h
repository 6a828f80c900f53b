#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace activity {

// A card over a page that has nothing to show: what is missing, and the button that adds it. Plain text only.
class EmptyState : public QFrame {
    Q_OBJECT
public:
    explicit EmptyState(QWidget* parent);

    // `sourceType` empty: no button (sources exist, data has not come yet).
    void show(const QString& title, const QString& detail, const QString& sourceType, const QString& buttonText);
    QString title() const;
    QString detail() const;
    QPushButton* button() const { return m_button; }
    QString sourceType() const { return m_sourceType; }

signals:
    void addSourceRequested(const QString& type);

private:
    QLabel* m_title;
    QLabel* m_detail;
    QPushButton* m_button;
    QString m_sourceType;
};

// What a panel says in place of its table when it has no row: plain text, centred, wrapped; hidden until shown.
QLabel* emptyTextLabel(QWidget* parent, const QString& objectName);

} // namespace activity
