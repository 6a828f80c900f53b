#include "app/argparser.h"

#include <QCoreApplication>

namespace activity {

QString ArgParser::parse(const QStringList& args)
{
    bool onlyPositionals = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args[i];
        if (onlyPositionals || !arg.startsWith(QLatin1String("--")) || arg == QLatin1String("--")) {
            if (!onlyPositionals && arg == QLatin1String("--")) {
                onlyPositionals = true;
                continue;
            }
            if (!onlyPositionals && arg.startsWith(QLatin1Char('-')) && arg.size() > 1)
                return QCoreApplication::translate("ArgParser", "%1: unknown option %2").arg(m_command, arg);
            m_positionals.append(arg);
            continue;
        }
        QString name = arg.mid(2);
        QString inlineValue;
        bool hasInline = false;
        if (const qsizetype eq = name.indexOf(QLatin1Char('=')); eq >= 0) {
            inlineValue = name.mid(eq + 1);
            name.truncate(eq);
            hasInline = true;
        }
        const auto declared = m_declared.constFind(name);
        if (declared == m_declared.constEnd())
            return QCoreApplication::translate("ArgParser", "%1: unknown option --%2").arg(m_command, name);
        if (m_values.contains(name) && *declared && m_repeated.contains(name)) {
            if (!hasInline && i + 1 >= args.size())
                return QCoreApplication::translate("ArgParser", "%1: option --%2 needs a value").arg(m_command, name);
            m_values[name] += QLatin1Char('\n') + (hasInline ? inlineValue : args[++i]);
            continue;
        }
        if (m_values.contains(name))
            return QCoreApplication::translate("ArgParser", "%1: option --%2 is given twice").arg(m_command, name);
        if (*declared) {
            if (hasInline)
                m_values.insert(name, inlineValue);
            else if (i + 1 < args.size())
                m_values.insert(name, args[++i]);
            else
                return QCoreApplication::translate("ArgParser", "%1: option --%2 needs a value").arg(m_command, name);
        } else {
            if (hasInline)
                return QCoreApplication::translate("ArgParser", "%1: option --%2 takes no value").arg(m_command, name);
            m_values.insert(name, QString());
        }
        m_order.append(name);
    }
    return {};
}

} // namespace activity
