#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

namespace activity {

// A strict option parser for one command: every option must be declared, and every error names
// the argument at fault.
class ArgParser {
public:
    explicit ArgParser(QString commandName)
        : m_command(std::move(commandName))
    { }
    // A repeated option may be given several times; its value is then every value given, one per line.
    void addOption(const QString& name, bool takesValue = true, bool repeated = false)
    {
        m_declared.insert(name, takesValue);
        if (repeated)
            m_repeated.insert(name);
    }

    // Returns an empty string on success, else "COMMAND: unknown option --x" and the like.
    QString parse(const QStringList& args);

    bool isSet(const QString& name) const { return m_values.contains(name); }
    QString value(const QString& name) const { return m_values.value(name); }
    const QStringList& positionals() const { return m_positionals; }
    const QStringList& givenOrder() const { return m_order; }
    const QString& command() const { return m_command; }

private:
    QString m_command;
    QHash<QString, bool> m_declared;
    QSet<QString> m_repeated;
    QHash<QString, QString> m_values;
    QStringList m_order;
    QStringList m_positionals;
};

} // namespace activity
