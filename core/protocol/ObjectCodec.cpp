#include "protocol/ObjectCodec.h"

namespace escale::protocol {

namespace {

// Reads at most `limit` bytes of the source.
class PassReader final : public QIODevice
{
public:
    PassReader(QIODevice* source, qint64 limit)
        : m_source(source)
        , m_left(limit)
    {
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_left + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        if (m_left <= 0)
            return -1;
        const qint64 n = m_source->read(data, std::min(maxSize, m_left));
        if (n <= 0)
            return n == 0 ? -1 : n;
        m_left -= n;
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QIODevice* m_source;
    qint64 m_left;
};

class PassSink final : public DecodingSink
{
public:
    explicit PassSink(QIODevice* sink)
        : m_sink(sink)
    {
        open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    }
    bool finish(QString&) override { return true; }

protected:
    qint64 writeData(const char* data, qint64 size) override { return m_sink->write(data, size); }

private:
    QIODevice* m_sink;
};

} // namespace

std::unique_ptr<QIODevice> PlainCodec::encoder(QIODevice* source, qint64 plainSize, const QString&)
{
    return std::make_unique<PassReader>(source, plainSize);
}

std::unique_ptr<DecodingSink> PlainCodec::decoder(QIODevice* sink, const QString&)
{
    return std::make_unique<PassSink>(sink);
}

} // namespace escale::protocol
