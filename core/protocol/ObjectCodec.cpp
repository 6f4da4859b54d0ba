#include "protocol/ObjectCodec.h"

#include "Tr.h"

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

// The bytes of a part as they are: exactly `length` of them, or the object ended too soon.
class PartSink final : public DecodingSink
{
public:
    PartSink(QIODevice* sink, qint64 length)
        : m_sink(sink)
        , m_left(length)
    {
        open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    }
    QString failure() const override { return m_error; }
    bool finish(QString& error) override
    {
        if (m_error.isEmpty() && m_left > 0)
            m_error = trc("protocol", "the object ends before the part asked for");
        error = m_error;
        return m_error.isEmpty();
    }

protected:
    qint64 writeData(const char* data, qint64 size) override
    {
        if (size > m_left) {
            m_error = trc("protocol", "more bytes than the part asked for");
            return -1;
        }
        if (m_sink->write(data, size) != size) {
            m_error = trc("protocol", "cannot write the bytes read: %1").arg(m_sink->errorString());
            return -1;
        }
        m_left -= size;
        return size;
    }

private:
    QIODevice* m_sink;
    qint64 m_left;
    QString m_error;
};

} // namespace

std::unique_ptr<DecodingSink> PlainCodec::rangeDecoder(QIODevice* sink, const QString&, const QByteArray&, qint64,
                                                       qint64 length)
{
    return std::make_unique<PartSink>(sink, length);
}

std::unique_ptr<QIODevice> PlainCodec::encoder(QIODevice* source, qint64 plainSize, const QString&)
{
    return std::make_unique<PassReader>(source, plainSize);
}

std::unique_ptr<DecodingSink> PlainCodec::decoder(QIODevice* sink, const QString&)
{
    return std::make_unique<PassSink>(sink);
}

} // namespace escale::protocol
