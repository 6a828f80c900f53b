#include "ui/mainwindow.h"

#include "core/util/clock.h"
#include "ui/dialogs/aboutdialog.h"
#include "ui/dialogs/storedialog.h"
#include "ui/viewstate.h"
#include "ui/widgets/errorlabel.h"
#include "ui/widgets/format.h"

#include <QAction>
#include <QApplication>
#include <QButtonGroup>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimeZone>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace activity {

namespace {
constexpr const char* kPageKeys[kPageCount] = { "overview", "github", "dockerhub", "metrics", "traffic", "map",
    "sources", "health", "alerts", "downloads", "bots" };
constexpr RangePreset kRangeOrder[] = { RangePreset::Last24Hours, RangePreset::Last7Days, RangePreset::Last30Days,
    RangePreset::Last90Days, RangePreset::LastYear, RangePreset::Custom };

QDate utcDate(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, QTimeZone::utc()).date();
}
qint64 utcSecs(QDate date)
{
    return QDateTime(date, QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
}
} // namespace

MainWindow::MainWindow(QString databasePath, QWidget* parent)
    : MainWindow(std::move(databasePath), std::make_unique<SystemClock>(), nullptr, parent)
{ }

MainWindow::MainWindow(QString databasePath, const Clock& clock, QWidget* parent)
    : MainWindow(std::move(databasePath), nullptr, &clock, parent)
{ }

MainWindow::MainWindow(QString databasePath, std::unique_ptr<Clock> ownClock, const Clock* clock, QWidget* parent)
    : QMainWindow(parent)
    , m_databasePath(std::move(databasePath))
    , m_ownClock(std::move(ownClock))
{
    m_state = new ViewState(clock ? *clock : *m_ownClock, this);
    setWindowTitle(tr("Activity Dashboard"));
    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_pageList = new QListWidget(central);
    m_pageList->setObjectName(QStringLiteral("pageList"));
    m_pageList->setAccessibleName(tr("Pages"));
    m_pageList->setFixedWidth(170);
    m_pageList->setFrameShape(QFrame::NoFrame);
    m_pageList->setSpacing(3);
    QFont listFont = m_pageList->font();
    listFont.setPointSizeF(listFont.pointSizeF() * 1.1);
    m_pageList->setFont(listFont);
    m_pages = new QStackedWidget(central);
    auto* side = new QVBoxLayout;
    side->setContentsMargins(0, 0, 0, 6);
    side->addWidget(m_pageList, 1);
    m_newPage = new QPushButton(tr("+ New page"), central);
    m_newPage->setObjectName(QStringLiteral("newPage"));
    m_newPage->setToolTip(tr("A page of your own: the figures you care about, drawn the way you want"));
    m_newPage->setFixedWidth(170);
    connect(m_newPage, &QPushButton::clicked, this, &MainWindow::newPageRequested);
    m_newPage->hide(); // until pages can be made (setNewPageEnabled)
    side->addWidget(m_newPage);
    layout->addLayout(side);
    // The pages, under a banner shown while the store cannot be reached (setStoreProblem).
    auto* right = new QVBoxLayout;
    right->setContentsMargins(0, 0, 0, 0);
    m_storeProblem = new ErrorLabel(central, ErrorLabel::Style::Banner); // plain text: it quotes the server
    m_storeProblem->setObjectName(QStringLiteral("storeProblem"));
    m_storeProblem->setAccessibleName(tr("Store unreachable"));
    m_storeProblem->hide();
    right->addWidget(m_storeProblem);
    right->addWidget(m_pages, 1);
    layout->addLayout(right, 1);
    setCentralWidget(central);

    for (int i = 0; i < kPageCount; ++i) {
        const PageId id = PageId(i);
        m_pageList->addItem(pageTitle(id));
        auto* placeholder = new QLabel(tr("%1: no data yet.").arg(pageTitle(id)), m_pages);
        placeholder->setTextFormat(Qt::PlainText);
        placeholder->setAlignment(Qt::AlignCenter);
        m_pageWidgets[size_t(i)] = placeholder;
        m_pages->addWidget(placeholder);
    }
    connect(m_pageList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        m_pages->setCurrentIndex(row);
        if (row < kPageCount)
            emit currentPageChanged(PageId(row));
    });
    buildFilterBar();
    buildMenus();
    resize(1280, 800);
    restoreSettings();
    if (m_pageList->currentRow() < 0)
        m_pageList->setCurrentRow(0);
    connect(m_state, &ViewState::changed, this, &MainWindow::syncFilterBar);
    syncFilterBar();
}

MainWindow::~MainWindow()
{
    saveSettings();
}

void MainWindow::showProgress(const QString& text, int percent)
{
    if (!m_progress) {
        m_progress = new QProgressBar(this);
        m_progress->setRange(0, 100);
        m_progress->setMaximumWidth(240);
        m_progress->setAccessibleName(tr("Progress"));
        statusBar()->addPermanentWidget(m_progress);
    }
    m_progress->setValue(qBound(0, percent, 100));
    m_progress->setVisible(percent < 100);
    m_progress->setAccessibleDescription(text);
    statusBar()->showMessage(text, percent < 100 ? 0 : 5000);
}

int MainWindow::progress() const
{
    return m_progress && !m_progress->isHidden() ? m_progress->value() : -1;
}

QString MainWindow::pageTitle(PageId id)
{
    switch (id) {
    case PageId::Overview:
        return tr("Overview");
    case PageId::GitHub:
        return tr("GitHub");
    case PageId::DockerHub:
        return tr("Docker Hub");
    case PageId::Metrics:
        return tr("Metrics");
    case PageId::Traffic:
        return tr("Traffic");
    case PageId::Map:
        return tr("World map");
    case PageId::Sources:
        return tr("Sources");
    case PageId::Health:
        return tr("Health");
    case PageId::Alerts:
        return tr("Alerts");
    case PageId::Downloads:
        return tr("Downloads");
    case PageId::Bots:
        return tr("Bots");
    }
    return {};
}

QString MainWindow::pageKey(PageId id)
{
    return QString::fromLatin1(kPageKeys[int(id)]);
}

std::optional<PageId> MainWindow::pageFromKey(const QString& key)
{
    for (int i = 0; i < kPageCount; ++i) {
        if (key == QLatin1String(kPageKeys[i]))
            return PageId(i);
    }
    return std::nullopt;
}

void MainWindow::setPage(PageId id, QWidget* page)
{
    const int index = int(id);
    QWidget* old = m_pageWidgets[size_t(index)];
    const bool wasCurrent = m_pages->currentIndex() == index;
    m_pages->insertWidget(index, page);
    m_pages->removeWidget(old);
    old->deleteLater();
    m_pageWidgets[size_t(index)] = page;
    if (wasCurrent)
        m_pages->setCurrentIndex(index);
}

QWidget* MainWindow::page(PageId id) const
{
    return m_pageWidgets[size_t(id)];
}

void MainWindow::showPage(PageId id)
{
    m_pageList->setCurrentRow(int(id));
}

PageId MainWindow::currentPage() const
{
    const int row = m_pageList->currentRow();
    return row >= 0 && row < kPageCount ? PageId(row) : PageId::Overview;
}

void MainWindow::addExtraPage(const QString& key, const QString& title, QWidget* page)
{
    m_extraKeys.append(key);
    m_pageList->addItem(title);
    m_pages->addWidget(page);
}

void MainWindow::renameExtraPage(const QString& key, const QString& title)
{
    if (const qsizetype i = m_extraKeys.indexOf(key); i >= 0)
        m_pageList->item(kPageCount + int(i))->setText(title);
}

void MainWindow::removeExtraPage(const QString& key)
{
    const qsizetype i = m_extraKeys.indexOf(key);
    if (i < 0)
        return;
    const int row = kPageCount + int(i);
    const bool current = m_pageList->currentRow() == row;
    QWidget* page = m_pages->widget(row);
    m_extraKeys.removeAt(i);
    delete m_pageList->takeItem(row);
    m_pages->removeWidget(page);
    page->deleteLater();
    if (current)
        m_pageList->setCurrentRow(0);
}

void MainWindow::setStoreProblem(const QString& message)
{
    m_storeProblem->setText(
        tr("The store cannot be reached, so these figures may be out of date; reconnecting by itself. (%1)")
            .arg(message.simplified())); // libpq's messages span lines
    m_storeProblem->setVisible(!message.isEmpty());
}

QString MainWindow::storeProblem() const
{
    return m_storeProblem->isVisible() ? m_storeProblem->text() : QString();
}

void MainWindow::setReadOnly(const QString& reason)
{
    m_readOnly = reason;
    if (reason.isEmpty())
        return;
    auto* label = new QLabel(tr("Read only: %1").arg(reason), this);
    label->setObjectName(QStringLiteral("readOnly"));
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    statusBar()->addWidget(label, 1);
    setNewPageEnabled(false);
    // Every button that would add something to the store says why it cannot.
    const QString why = tr("This login may only read the store: %1").arg(reason);
    for (QPushButton* button : findChildren<QPushButton*>()) {
        if (button->property("writesStore").toBool()) {
            button->setEnabled(false);
            button->setToolTip(why);
        }
    }
}

void MainWindow::setNewPageEnabled(bool enabled)
{
    enabled = enabled && m_readOnly.isEmpty();
    m_newPageWanted = enabled;
    m_newPage->setVisible(enabled && !m_pageList->isHidden());
}

QWidget* MainWindow::extraPage(const QString& key) const
{
    const qsizetype i = m_extraKeys.indexOf(key);
    return i < 0 ? nullptr : m_pages->widget(kPageCount + int(i));
}

void MainWindow::showExtraPage(const QString& key)
{
    if (const qsizetype i = m_extraKeys.indexOf(key); i >= 0)
        m_pageList->setCurrentRow(kPageCount + int(i));
}

QStringList MainWindow::pageNames() const
{
    QStringList names;
    for (int i = 0; i < m_pageList->count(); ++i)
        names.append(m_pageList->item(i)->text());
    return names;
}

void MainWindow::buildFilterBar()
{
    m_filterBar = addToolBar(tr("Filters"));
    m_filterBar->setObjectName(QStringLiteral("filterBar"));
    m_filterBar->setMovable(false);
    auto* rangeLabel = new QLabel(tr("Range:"), m_filterBar);
    m_filterBar->addWidget(rangeLabel);
    m_rangeBox = new QComboBox(m_filterBar);
    m_rangeBox->setObjectName(QStringLiteral("rangeBox"));
    for (RangePreset preset : kRangeOrder) {
        QString label;
        switch (preset) {
        case RangePreset::Last24Hours:
            label = tr("Last 24 hours");
            break;
        case RangePreset::Last7Days:
            label = tr("Last 7 days");
            break;
        case RangePreset::Last30Days:
            label = tr("Last 30 days");
            break;
        case RangePreset::Last90Days:
            label = tr("Last 90 days");
            break;
        case RangePreset::LastYear:
            label = tr("Last year");
            break;
        case RangePreset::Custom:
            label = tr("Custom");
            break;
        }
        m_rangeBox->addItem(label, int(preset));
    }
    m_filterBar->addWidget(m_rangeBox);
    m_fromEdit = new QDateEdit(m_filterBar);
    m_fromEdit->setObjectName(QStringLiteral("fromEdit"));
    m_fromEdit->setCalendarPopup(true);
    m_fromEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_toEdit = new QDateEdit(m_filterBar);
    m_toEdit->setObjectName(QStringLiteral("toEdit"));
    m_toEdit->setCalendarPopup(true);
    m_toEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_fromEdit->setToolTip(tr("First day (UTC)"));
    m_toEdit->setToolTip(tr("Last day (UTC), included"));
    m_filterBar->addWidget(m_fromEdit);
    m_filterBar->addWidget(m_toEdit);
    m_filterBar->addSeparator();
    m_filterBar->addWidget(new QLabel(tr("Site:"), m_filterBar));
    m_siteBox = new QComboBox(m_filterBar);
    m_siteBox->setObjectName(QStringLiteral("siteBox"));
    m_siteBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_siteBox->addItem(tr("All sites"), QString());
    m_filterBar->addWidget(m_siteBox);
    m_filterBar->addSeparator();
    // Whose requests the traffic figures count: a segmented switch, always in view.
    auto* agents = new QWidget(m_filterBar);
    agents->setObjectName(QStringLiteral("agentsSwitch"));
    agents->setToolTip(tr("Count everyone's requests, people's only or bots' only (crawlers, tools, scanners)"));
    auto* agentsLayout = new QHBoxLayout(agents);
    agentsLayout->setContentsMargins(0, 0, 0, 0);
    agentsLayout->setSpacing(0);
    m_agentsGroup = new QButtonGroup(agents);
    m_agentsGroup->setExclusive(true);
    const std::pair<AgentScope, QString> scopes[]
        = { { AgentScope::All, tr("All") }, { AgentScope::Humans, tr("Humans") }, { AgentScope::Bots, tr("Bots") } };
    for (const auto& [scope, text] : scopes) {
        auto* button = new QToolButton(agents);
        button->setObjectName(QStringLiteral("agents_") + agentScopeName(scope));
        button->setText(text);
        button->setCheckable(true);
        button->setAutoRaise(false);
        button->setStyleSheet(QStringLiteral("QToolButton { border: 1px solid palette(mid); padding: 2px 10px; "
                                             "background: palette(base); } QToolButton:checked { "
                                             "background: palette(highlight); color: palette(highlighted-text); }"));
        m_agentsGroup->addButton(button, int(scope));
        agentsLayout->addWidget(button);
    }
    m_filterBar->addWidget(agents);
    // The span just before the range, dashed on every time chart.
    m_previousButton = new QToolButton(m_filterBar);
    m_previousButton->setObjectName(QStringLiteral("previousToggle"));
    m_previousButton->setText(tr("Period before"));
    m_previousButton->setCheckable(true);
    m_previousButton->setToolTip(
        tr("Draw the span just before the range on the time charts, dashed and aligned on the range's start"));
    m_previousButton->setStyleSheet(
        QStringLiteral("QToolButton { border: 1px solid palette(mid); padding: 2px 10px; "
                       "background: palette(base); } QToolButton:checked { "
                       "background: palette(highlight); color: palette(highlighted-text); }"));
    m_filterBar->addWidget(m_previousButton);
    m_filterBar->addSeparator();
    const auto chip = [this](const char* name) {
        auto* button = new QToolButton(m_filterBar);
        button->setObjectName(QLatin1String(name));
        button->setToolTip(tr("Remove this filter"));
        button->setStyleSheet(QStringLiteral("QToolButton { border: 1px solid palette(mid); "
                                             "border-radius: 10px; padding: 2px 10px; background: palette(base); }"));
        m_filterBar->addWidget(button);
        return button;
    };
    m_countryChip = chip("countryFilter");
    m_pathChip = chip("pathFilter");
    m_statusChip = chip("statusFilter");
    m_referrerChip = chip("referrerFilter");
    m_userAgentChip = chip("userAgentFilter");

    connect(m_rangeBox, &QComboBox::activated, this, [this](int index) {
        const auto preset = RangePreset(m_rangeBox->itemData(index).toInt());
        if (preset == RangePreset::Custom) {
            // Start the custom range from what is shown now, so switching to Custom changes nothing at first.
            const TimeRange current = m_state->range();
            m_state->setCustomRange(current.isValid() ? current : m_state->customRange());
        } else {
            m_state->setPreset(preset);
        }
        syncFilterBar();
    });
    auto applyDates = [this] {
        if (m_syncing)
            return;
        const QDate from = m_fromEdit->date();
        const QDate to = qMax(from, m_toEdit->date());
        m_state->setCustomRange({ utcSecs(from), utcSecs(to.addDays(1)) });
    };
    connect(m_fromEdit, &QDateEdit::dateChanged, this, applyDates);
    connect(m_toEdit, &QDateEdit::dateChanged, this, applyDates);
    connect(m_siteBox, &QComboBox::activated, this,
        [this](int index) { m_state->setSite(m_siteBox->itemData(index).toString()); });
    connect(m_agentsGroup, &QButtonGroup::idClicked, this, [this](int id) { m_state->setAgents(AgentScope(id)); });
    connect(m_previousButton, &QToolButton::toggled, this, [this](bool on) {
        if (!m_syncing)
            m_state->setComparePrevious(on);
    });
    connect(m_countryChip, &QToolButton::clicked, this, [this] { m_state->setCountry({}); });
    connect(m_pathChip, &QToolButton::clicked, this, [this] { m_state->setPath({}); });
    connect(m_statusChip, &QToolButton::clicked, this, [this] { m_state->setStatus(0); });
    connect(m_referrerChip, &QToolButton::clicked, this, [this] { m_state->setReferrer({}); });
    connect(m_userAgentChip, &QToolButton::clicked, this, [this] { m_state->setUserAgent({}); });
}

void MainWindow::syncFilterBar()
{
    m_syncing = true;
    const RangePreset preset = m_state->preset();
    m_rangeBox->setCurrentIndex(m_rangeBox->findData(int(preset)));
    const bool custom = preset == RangePreset::Custom;
    const TimeRange range = m_state->range();
    if (range.isValid()) {
        m_fromEdit->setDate(utcDate(range.fromSecs));
        m_toEdit->setDate(utcDate(range.toSecs - 1));
    }
    for (QAction* action : m_filterBar->actions()) {
        QWidget* widget = m_filterBar->widgetForAction(action);
        if (widget == m_fromEdit || widget == m_toEdit)
            action->setVisible(custom);
        if (widget == m_countryChip)
            action->setVisible(!m_state->country().isEmpty());
        if (widget == m_pathChip)
            action->setVisible(!m_state->path().isEmpty());
        if (widget == m_statusChip)
            action->setVisible(m_state->status() != 0);
        if (widget == m_referrerChip)
            action->setVisible(!m_state->referrer().isEmpty());
        if (widget == m_userAgentChip)
            action->setVisible(!m_state->userAgent().isEmpty());
    }
    // Chips as in Grafana's and Plausible's filters: what narrows the pages, and the way to remove it.
    const auto label = [this](QToolButton* chip, const QString& filter) {
        chip->setText(filter + QStringLiteral("  ✕"));
        chip->setAccessibleName(tr("Remove the filter %1").arg(filter));
    };
    label(m_countryChip, tr("Country: %1").arg(Format::country(m_state->country())));
    // A path is text from a log: shown as plain text, elided (a tool button does not interpret markup).
    const QString path = QString::fromUtf8(m_state->path());
    label(m_pathChip, tr("Path: %1").arg(fontMetrics().elidedText(path, Qt::ElideMiddle, 320)));
    m_pathChip->setToolTip( // rich text made here, the path escaped: a tooltip would render its markup
        QStringLiteral("<p>%1<br>%2</p>").arg(tr("Remove this filter").toHtmlEscaped(), path.toHtmlEscaped()));
    // A referrer is a log's text too.
    const QString referrer = QString::fromUtf8(m_state->referrer());
    label(m_referrerChip, tr("Referrer: %1").arg(fontMetrics().elidedText(referrer, Qt::ElideMiddle, 320)));
    m_referrerChip->setToolTip(
        QStringLiteral("<p>%1<br>%2</p>").arg(tr("Remove this filter").toHtmlEscaped(), referrer.toHtmlEscaped()));
    const QString userAgent = QString::fromUtf8(m_state->userAgent());
    label(m_userAgentChip, tr("Agent: %1").arg(fontMetrics().elidedText(userAgent, Qt::ElideMiddle, 320)));
    m_userAgentChip->setToolTip(
        QStringLiteral("<p>%1<br>%2</p>").arg(tr("Remove this filter").toHtmlEscaped(), userAgent.toHtmlEscaped()));
    const int status = m_state->status();
    label(
        m_statusChip, tr("Status: %1").arg(status < 10 ? QStringLiteral("%1xx").arg(status) : QString::number(status)));
    const int siteIndex = m_siteBox->findData(m_state->site());
    m_siteBox->setCurrentIndex(qMax(0, siteIndex));
    if (QAbstractButton* scope = m_agentsGroup->button(int(m_state->agents())))
        scope->setChecked(true);
    m_previousButton->setChecked(m_state->comparePrevious());
    m_syncing = false;
}

void MainWindow::setSites(const QStringList& sites)
{
    m_syncing = true;
    while (m_siteBox->count() > 1)
        m_siteBox->removeItem(1);
    for (const QString& site : sites)
        m_siteBox->addItem(site, site);
    m_syncing = false;
    syncFilterBar();
}

QStringList MainWindow::sites() const
{
    QStringList names;
    for (int i = 1; i < m_siteBox->count(); ++i)
        names.append(m_siteBox->itemData(i).toString());
    return names;
}

void MainWindow::setChromeVisible(bool visible)
{
    m_pageList->setVisible(visible);
    m_newPage->setVisible(visible && m_newPageWanted);
    m_filterBar->setVisible(visible);
    menuBar()->setVisible(visible);
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    file->addAction(tr("Save page as &PNG..."), QKeySequence::Save, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save page as PNG"), pageKey(currentPage()) + QStringLiteral(".png"), tr("PNG images (*.png)"));
        if (!path.isEmpty() && !pageImage(devicePixelRatioF()).save(path, "PNG"))
            QMessageBox::warning(this, tr("Save page as PNG"), tr("Could not write %1.").arg(path));
    });
    QAction* exportAction = file->addAction(tr("&Export report..."), this, [this] {
        if (!m_exporter)
            return;
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Export report to folder"));
        if (folder.isEmpty())
            return;
        QApplication::setOverrideCursor(Qt::WaitCursor);
        const QString error = m_exporter(folder, m_state->range());
        QApplication::restoreOverrideCursor();
        if (error.isEmpty())
            QMessageBox::information(this, tr("Export report"), tr("The report was written to %1.").arg(folder));
        else
            QMessageBox::warning(this, tr("Export report"), error);
    });
    exportAction->setObjectName(QStringLiteral("exportReport"));
    QAction* storeAction = file->addAction(tr("S&tore..."), this, [this] {
        StoreDialog dialog(m_storeShown, m_storeOverriddenBy, this);
        dialog.exec();
    });
    storeAction->setObjectName(QStringLiteral("chooseStore"));
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Activity Dashboard"), this, [this] {
        AboutDialog dialog(this);
        dialog.exec();
    });
}

QImage MainWindow::pageImage(qreal scale) const
{
    QWidget* current = m_pages->currentWidget();
    QImage image(current->size() * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(palette().color(QPalette::Window));
    current->render(&image);
    return image;
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("window"));
    if (const QByteArray geometry = settings.value(QStringLiteral("geometry")).toByteArray(); !geometry.isEmpty())
        restoreGeometry(geometry);
    if (const auto id = pageFromKey(settings.value(QStringLiteral("page")).toString()))
        m_pageList->setCurrentRow(int(*id));
    const TimeRange custom { settings.value(QStringLiteral("customFrom")).toLongLong(),
        settings.value(QStringLiteral("customTo")).toLongLong() };
    const RangePreset preset
        = TimeRanges::presetFromKey(settings.value(QStringLiteral("range")).toByteArray(), RangePreset::Last30Days);
    if (preset == RangePreset::Custom)
        m_state->setCustomRange(custom);
    else
        m_state->setPreset(preset);
    m_state->setSite(settings.value(QStringLiteral("site")).toString());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("window"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("page"), pageKey(currentPage()));
    settings.setValue(QStringLiteral("range"), QString::fromLatin1(TimeRanges::presetKey(m_state->preset())));
    if (m_state->preset() == RangePreset::Custom) {
        settings.setValue(QStringLiteral("customFrom"), m_state->customRange().fromSecs);
        settings.setValue(QStringLiteral("customTo"), m_state->customRange().toSecs);
    }
    settings.setValue(QStringLiteral("site"), m_state->site());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

} // namespace activity
