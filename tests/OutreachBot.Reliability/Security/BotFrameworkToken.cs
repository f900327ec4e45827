using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace OutreachBot.Reliability.Security;

/// <summary>
/// A Bot Connector–style JWT the test can bend one property at a time (<c>token with { Expires = … }</c>): the
/// algorithm, key and key id in the header, every claim, and how it is signed.
/// </summary>
public sealed record BotFrameworkToken
{
    public string Algorithm { get; init; } = "RS256";

    /// <summary>The key that signs an RS/PS token; its id goes into the header unless <see cref="KeyId"/> says otherwise.</summary>
    public required SigningKey Key { get; init; }

    public string? KeyId { get; init; }

    /// <summary>For HS256: the HMAC secret.</summary>
    public byte[]? HmacSecret { get; init; }

    public string? Issuer { get; init; }

    public string? Audience { get; init; }

    public string? ServiceUrl { get; init; }

    public DateTimeOffset? NotBefore { get; init; }

    public DateTimeOffset? Expires { get; init; }

    public IReadOnlyDictionary<string, string> ExtraClaims { get; init; } = new Dictionary<string, string>();

    public string Bearer => "Bearer " + Encode();

    public string Encode()
    {
        var header = new JsonObject { ["alg"] = Algorithm, ["typ"] = "JWT", ["kid"] = KeyId ?? Key.Id };
        var payload = new JsonObject();
        Add(payload, "iss", Issuer);
        Add(payload, "aud", Audience);
        Add(payload, "serviceurl", ServiceUrl);
        if (NotBefore is { } notBefore)
        {
            payload["nbf"] = notBefore.ToUnixTimeSeconds();
        }

        if (Expires is { } expires)
        {
            payload["exp"] = expires.ToUnixTimeSeconds();
        }

        foreach (var (name, value) in ExtraClaims)
        {
            payload[name] = value;
        }

        var signed = Base64UrlEncoder.Encode(header.ToJsonString()) + "." + Base64UrlEncoder.Encode(payload.ToJsonString());
        return signed + "." + Base64UrlEncoder.Encode(Sign(Encoding.ASCII.GetBytes(signed)));
    }

    private byte[] Sign(byte[] data) => Algorithm switch
    {
        "RS256" => Key.Rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
        "RS512" => Key.Rsa.SignData(data, HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1),
        "PS256" => Key.Rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
        "HS256" => HMACSHA256.HashData(HmacSecret ?? throw new InvalidOperationException("HS256 needs HmacSecret"), data),
        "none" => [],
        _ => throw new NotSupportedException(Algorithm),
    };

    private static void Add(JsonObject payload, string name, string? value)
    {
        if (value is not null)
        {
            payload[name] = value;
        }
    }
}
