#pragma once

#include "ui/pageid.h"

class MainWindow;
class QueryRunner;
class QWidget;
class ViewState;

// Builds the data pages the window and `report` show, so a report looks like the app.
namespace PageFactory {
// Overview, GitHub, Docker Hub, Traffic, Health; Map gives the countries stand-in until a map widget is
// installed; Sources gives nullptr (its panel is installed by its own part).
QWidget* create(PageId id, QueryRunner& runner, ViewState& state, QWidget* parent = nullptr);
// Installs every page create() makes into the window, and keeps the window's site list up to date.
void install(MainWindow& window, QueryRunner& runner);
} // namespace PageFactory
