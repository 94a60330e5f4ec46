#pragma once

// Samples of one measurement (milliseconds) and their percentiles, for the client benches.

#include <QList>
#include <algorithm>

namespace bench {

struct Figures {
    QList<double> samples;
    // The sample at fraction p (0.5: median, 1.0: maximum) of the sorted samples; -1 if none.
    double percentile(double p) const
    {
        if (samples.isEmpty())
            return -1;
        QList<double> s = samples;
        std::sort(s.begin(), s.end());
        const qsizetype i =
            std::clamp<qsizetype>(qsizetype(p * double(s.size() - 1) + 0.5), 0, s.size() - 1);
        return s.at(i);
    }
};

} // namespace bench
