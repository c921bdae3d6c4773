#ifndef STEADY_CSYSTEMD_SHIM_H
#define STEADY_CSYSTEMD_SHIM_H
#include <systemd/sd-daemon.h>
#include <systemd/sd-bus.h>
#include <systemd/sd-journal.h>
#include <sys/uio.h>
#include <sys/timerfd.h>
#include <sys/inotify.h>
#endif
