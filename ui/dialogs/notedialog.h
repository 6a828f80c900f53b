#pragma once

#include <QDialog>

class QLineEdit;

namespace activity {

class EventService;

// "Add a note here" of a chart: the note's text and link at the time clicked, added through the EventService; a
// refused note (empty text, a link that is not http(s)) says why and stays open.
class NoteDialog : public QDialog {
    Q_OBJECT
public:
    NoteDialog(EventService& events, qint64 at, QWidget* parent = nullptr);
    void accept() override;
    QLineEdit* textEdit() const { return m_text; }
    QLineEdit* urlEdit() const { return m_url; }

private:
    EventService& m_events;
    qint64 m_at;
    QLineEdit* m_text;
    QLineEdit* m_url;
};

} // namespace activity
