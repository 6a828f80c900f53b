#include "ui/widgets/emptystate.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace activity {

EmptyState::EmptyState(QWidget* parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("emptyState"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(10);
    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setAlignment(Qt::AlignCenter);
    QFont f = m_title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.25);
    m_title->setFont(f);
    m_detail = new QLabel(this);
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setAlignment(Qt::AlignCenter);
    m_detail->setWordWrap(true);
    m_button = new QPushButton(this);
    m_button->setObjectName(QStringLiteral("emptyStateAdd"));
    layout->addWidget(m_title);
    layout->addWidget(m_detail);
    layout->addWidget(m_button, 0, Qt::AlignHCenter);
    connect(m_button, &QPushButton::clicked, this, [this] { emit addSourceRequested(m_sourceType); });
    hide();
}

void EmptyState::show(const QString& title, const QString& detail, const QString& sourceType, const QString& buttonText)
{
    m_title->setText(title);
    m_detail->setText(detail);
    m_sourceType = sourceType;
    m_button->setText(buttonText);
    m_button->setVisible(!sourceType.isEmpty());
    m_button->setAccessibleName(buttonText);
    setAccessibleName(title);
    setAccessibleDescription(detail);
    QFrame::show();
    raise();
}

QString EmptyState::title() const
{
    return m_title->text();
}

QString EmptyState::detail() const
{
    return m_detail->text();
}

QLabel* emptyTextLabel(QWidget* parent, const QString& objectName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignCenter);
    label->setMargin(12);
    label->hide();
    return label;
}

} // namespace activity
