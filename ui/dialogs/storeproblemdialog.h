#pragma once

#include <QDialog>

class QLabel;

namespace activity {

// The window cannot open its store at start (a team's server away, a file it may not write): a window started from
// the desktop has no terminal for the reason, so it is said here, with what the user can do about it.
class StoreProblemDialog : public QDialog {
    Q_OBJECT
public:
    enum class Choice { TryAgain, UseThisComputersFile, Quit };

    // `store`: the store as it may be shown (no password); `reason`: why it could not be opened (plain text).
    StoreProblemDialog(const QString& store, const QString& reason, bool offerLocalFile, QWidget* parent = nullptr);

    Choice choice() const { return m_choice; }
    QLabel* reasonLabel() const { return m_reason; }

private:
    Choice m_choice = Choice::Quit;
    QLabel* m_reason = nullptr;
};

} // namespace activity
