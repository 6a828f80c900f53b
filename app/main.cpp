#include "app/application.h"

using namespace activity;

int main(int argc, char** argv)
{
    return Application::main(argc, argv);
}
