// Fuzz target for the FTP listing parsers. With clang, build it with -fsanitize=fuzzer and
// -DESCALE_LIBFUZZER for libFuzzer to drive; otherwise (and in ctest) the driver below mutates
// real-world listing lines with a fixed seed. Either way, an entry whose name could leave its
// folder (empty, '.', '..', a '/' or a NUL) aborts, as do crashes and sanitizer reports.
#include "relay/ftp/FtpListing.h"

#include <QRandomGenerator>
#include <cstdio>
#include <cstdlib>

using namespace escale::relay;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    const QDateTime now(QDate(2026, 11, 26), QTime(3, 0), Qt::UTC);
    for (const bool mlsd : {false, true})
        for (const RelayEntry& e : ftp::parseListing(bytes, mlsd, now))
            if (e.name.isEmpty() || e.name == QLatin1String(".") || e.name == QLatin1String("..") ||
                e.name.contains(QLatin1Char('/')) || e.name.contains(QChar(0)))
                std::abort();
    return 0;
}

#ifndef ESCALE_LIBFUZZER
int main(int argc, char** argv)
{
    const long iterations = argc > 1 ? std::atol(argv[1]) : 200'000;
    const QList<QByteArray> samples{
        "-rw-r--r--   1 ftp      ftp          1234 Nov 26 01:02 plain.txt",
        "drwxr-xr-x   2 ftp      ftp          4096 Jan  5  2024 old dir",
        "lrwxrwxrwx   1 root root 7 Nov 26 01:02 link -> target",
        "-rw-r--r-- 1 owner 42 Dec 31 23:59 nogroup.txt",
        "11-26-26  01:02AM       <DIR>          Program Files",
        "11-26-2026  01:02PM              1,234 report final.pdf",
        "type=file;size=1234;modify=20261126010203;UNIX.mode=0644; file name.txt",
        "type=dir;modify=20261126010203; sub",
        "type=cdir; .",
        "total 12",
    };
    const QList<QByteArray> pieces{"/",
                                   "..",
                                   ".",
                                   " -> ",
                                   "<DIR>",
                                   ";",
                                   "=",
                                   " ",
                                   "\r\n",
                                   "\n",
                                   QByteArray(1, '\0'),
                                   "\xff",
                                   "\xc3",
                                   "12:",
                                   "AM",
                                   "PM",
                                   "Feb 29",
                                   "type=",
                                   "size=-1"};
    QRandomGenerator random(20261126); // the same inputs every run
    long entries = 0;
    for (long i = 0; i < iterations; ++i) {
        QByteArray input = samples[random.bounded(int(samples.size()))];
        const int edits = 1 + random.bounded(6);
        for (int k = 0; k < edits; ++k) {
            const int at = input.isEmpty() ? 0 : random.bounded(int(input.size()) + 1);
            switch (random.bounded(5)) {
            case 0: // flip a byte
                if (!input.isEmpty())
                    input[std::min<qsizetype>(at, input.size() - 1)] = char(random.bounded(256));
                break;
            case 1: // insert a meaningful piece
                input.insert(at, pieces[random.bounded(int(pieces.size()))]);
                break;
            case 2: // cut a run
                input.remove(at, random.bounded(8));
                break;
            case 3: // splice another sample
                input.insert(at, samples[random.bounded(int(samples.size()))]);
                break;
            default: // random bytes
                for (int n = random.bounded(8); n > 0; --n)
                    input.insert(at, char(random.bounded(256)));
            }
        }
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.constData()), size_t(input.size()));
        entries += ftp::parseListing(input, false, QDateTime::currentDateTimeUtc()).size();
    }
    std::printf("%ld inputs, %ld entries parsed, no invariant broken\n", iterations, entries);
    return 0;
}
#endif
