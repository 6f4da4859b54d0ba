// The SigV4 signer against the examples of AWS's S3 documentation ("Signature Calculations for
// the Authorization Header: Transferring Payload in a Single Chunk").
#include "relay/s3/SigV4.h"

#include <QTest>

using namespace escale::relay;

namespace {

const SigV4Credentials kCredentials{"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", {}};
const QDateTime kNow(QDate(2013, 5, 24), QTime(0, 0), Qt::UTC);

QByteArray signatureOf(const HeaderList& headers)
{
    for (const auto& [name, value] : headers)
        if (name == "Authorization")
            return value.mid(value.indexOf("Signature=") + 10);
    return {};
}

QByteArray authorizationOf(const HeaderList& headers)
{
    for (const auto& [name, value] : headers)
        if (name == "Authorization")
            return value;
    return {};
}

} // namespace

class tst_SigV4 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void getObject();
    void putObject();
    void listObjects();
    void subresource();
    void encoding();
    void sessionTokenIsSigned();
};

void tst_SigV4::getObject()
{
    HeaderList headers{{"Range", "bytes=0-9"}};
    signV4("GET", QUrl("https://examplebucket.s3.amazonaws.com/test.txt"), headers, kEmptyPayloadSha256,
           kCredentials, "us-east-1", kNow);
    QCOMPARE(authorizationOf(headers),
             QByteArray("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                        "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                        "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"));
}

void tst_SigV4::putObject()
{
    const QByteArray body = "Welcome to Amazon S3.";
    const QByteArray hash = QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex();
    QCOMPARE(hash, QByteArray("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072"));
    HeaderList headers{{"Date", "Fri, 24 May 2013 00:00:00 GMT"},
                       {"x-amz-storage-class", "REDUCED_REDUNDANCY"}};
    signV4("PUT", QUrl("https://examplebucket.s3.amazonaws.com/test$file.text"), headers, hash, kCredentials,
           "us-east-1", kNow);
    QCOMPARE(signatureOf(headers),
             QByteArray("98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd"));
}

void tst_SigV4::listObjects()
{
    // Query parameters are sorted, whatever order they came in.
    HeaderList headers;
    signV4("GET", QUrl("https://examplebucket.s3.amazonaws.com/?prefix=J&max-keys=2"), headers,
           kEmptyPayloadSha256, kCredentials, "us-east-1", kNow);
    QCOMPARE(signatureOf(headers),
             QByteArray("34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7"));
}

void tst_SigV4::subresource()
{
    HeaderList headers;
    signV4("GET", QUrl("https://examplebucket.s3.amazonaws.com/?lifecycle"), headers, kEmptyPayloadSha256,
           kCredentials, "us-east-1", kNow);
    QCOMPARE(signatureOf(headers),
             QByteArray("fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543"));
}

void tst_SigV4::encoding()
{
    QCOMPARE(awsUriEncode("a b/c~d_e.f-g", true), QByteArray("a%20b/c~d_e.f-g"));
    QCOMPARE(awsUriEncode("a b/c", false), QByteArray("a%20b%2Fc"));
    QCOMPARE(awsUriEncode("é+$", false), QByteArray("%C3%A9%2B%24"));
    QCOMPARE(canonicalQueryString(QUrl("http://h/?list-type=2&prefix=a%2Fb&continuation-token=x+y%3D")),
             QByteArray("continuation-token=x%2By%3D&list-type=2&prefix=a%2Fb"));
}

void tst_SigV4::sessionTokenIsSigned()
{
    SigV4Credentials temporary = kCredentials;
    temporary.sessionToken = "FQoGZXIvYXdzEXAMPLE";
    HeaderList headers;
    signV4("GET", QUrl("http://127.0.0.1:9000/bucket/key"), headers, "UNSIGNED-PAYLOAD", temporary,
           "us-east-1", kNow);
    const QByteArray authorization = authorizationOf(headers);
    QVERIFY(
        authorization.contains("SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token,"));
    bool sent = false;
    for (const auto& [name, value] : headers)
        sent = sent || (name == "x-amz-security-token" && value == "FQoGZXIvYXdzEXAMPLE");
    QVERIFY(sent);
}

QTEST_GUILESS_MAIN(tst_SigV4)
#include "tst_SigV4.moc"
