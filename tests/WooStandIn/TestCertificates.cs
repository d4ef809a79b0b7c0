using System.Net;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace WooStandIn;

/// <summary>
/// A throw-away certificate authority and a server certificate for 127.0.0.1/localhost signed by it, made per test
/// run with CertificateRequest. Clients trust the CA through the platform trust store, never through a validation
/// callback: on Linux, .NET's OpenSSL-based chain building reads the file named by SSL_CERT_FILE.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private TestCertificates(X509Certificate2 ca, X509Certificate2 server)
    {
        Ca = ca;
        Server = server;
    }

    public X509Certificate2 Ca { get; }

    /// <summary>With its private key (for Kestrel).</summary>
    public X509Certificate2 Server { get; }

    public static TestCertificates Create()
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        using RSA caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=CpOrders throw-away test CA " + now.ToString("yyyyMMddHHmmss"), caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        X509Certificate2 ca = caRequest.CreateSelfSigned(now.AddHours(-1), now.AddDays(2));

        using RSA serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
        byte[] serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7F;
        using X509Certificate2 signed = serverRequest.Create(ca, now.AddMinutes(-30), now.AddDays(1), serial);
        using X509Certificate2 withKey = signed.CopyWithPrivateKey(serverKey);
        // Round-trip through PKCS#12 so the key is usable by SslStream on every platform.
        X509Certificate2 server = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
        return new TestCertificates(ca, server);
    }

    public string CaPem() => Ca.ExportCertificatePem();

    /// <summary>
    /// Makes this process trust the CA for outgoing TLS: writes its PEM to a temp file and points SSL_CERT_FILE at it
    /// in the NATIVE environment (libc setenv), because OpenSSL's lookup uses getenv and .NET's
    /// Environment.SetEnvironmentVariable does not change the native environment on Unix. Must run before the
    /// process's first TLS handshake (.NET caches the root store). The file then holds only this CA: the process
    /// trusts nothing else, which is what a test wants. Returns the PEM path. Linux only.
    /// </summary>
    public string TrustInThisProcess()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("TrustInThisProcess uses SSL_CERT_FILE (OpenSSL); on Windows/macOS import the CA into the user's Root store instead.");
        }
        string dir = Path.Combine(Path.GetTempPath(), "cporders-test-ca-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        string pem = Path.Combine(dir, "ca.pem");
        File.WriteAllText(pem, CaPem());
        if (setenv("SSL_CERT_FILE", pem, 1) != 0)
        {
            throw new InvalidOperationException("setenv(SSL_CERT_FILE) failed: " + Marshal.GetLastPInvokeError());
        }
        Environment.SetEnvironmentVariable("SSL_CERT_FILE", pem);
        return pem;
    }

    public void Dispose()
    {
        Ca.Dispose();
        Server.Dispose();
    }

    [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi)]
    private static extern int setenv(string name, string value, int overwrite);
}
