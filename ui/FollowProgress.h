#pragma once

#include "control/Instance.h"

#include <QTimer>
#include <functional>

namespace escale::ui {

// Progress comes from the instance at every chunk: a view follows it at most every `ms` (the
// first report starts the timer; the ones until it fires are folded into that refresh).
inline void followProgress(control::Instance* instance, QObject* owner, int ms, std::function<void()> refresh)
{
    auto* timer = new QTimer(owner);
    timer->setSingleShot(true);
    timer->setInterval(ms);
    QObject::connect(timer, &QTimer::timeout, owner, std::move(refresh));
    QObject::connect(instance, &control::Instance::progressChanged, timer, [timer] {
        if (!timer->isActive())
            timer->start();
    });
}

} // namespace escale::ui
