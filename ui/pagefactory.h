#pragma once

#include "ui/pageid.h"

class QWidget;

namespace activity {

class MainWindow;
class QueryRunner;
class SourceService;
class EventService;
class ViewState;

// Builds the data pages the window and `report` show, so a report looks like the app.
namespace PageFactory {
// Overview, GitHub, Docker Hub, Traffic, World map (ui/map), Health; Sources gives nullptr: install() puts
// the source manager panel there (it writes the sources table; reports have no use for it).
QWidget* create(PageId id, QueryRunner& runner, ViewState& state, QWidget* parent = nullptr);
// Installs every page create() makes into the window, and keeps the window's site list up to date. The Sources
// page is there when `sources` is given.
// `events`: the time charts offer "Add a note here" (a NoteDialog) when given.
void install(MainWindow& window, QueryRunner& runner, SourceService* sources = nullptr, EventService* events = nullptr);
} // namespace PageFactory

} // namespace activity
