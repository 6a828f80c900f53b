#pragma once

namespace activity {

// The window's pages, in the order of the page list. Other parts install their widget with
// MainWindow::setPage(PageId, QWidget*).
enum class PageId { Overview, GitHub, DockerHub, Metrics, Traffic, Map, Sources, Health, Alerts, Downloads, Bots };
inline constexpr int kPageCount = 11;

} // namespace activity
