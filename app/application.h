#pragma once

namespace activity {

// The composition root: reads the global options, picks headless or windowed, builds the services.
namespace Application {
int main(int argc, char** argv);
}

} // namespace activity
