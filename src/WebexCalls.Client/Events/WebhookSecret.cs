using System;
using System.Runtime.InteropServices;
using System.Security;
using System.Security.Cryptography;
using System.Text;

namespace WebexCalls.Client.Events
{
    /// <summary>
    /// Webhook secrets: made strong and random, kept as <see cref="SecureString"/>, and turned into text or key bytes
    /// only where they are used (a request body, the HMAC key).
    /// </summary>
    public static class WebhookSecret
    {
        /// <summary>A new random secret: 32 bytes from the system's cryptographic generator, as 64 hex characters.</summary>
        public static SecureString Generate()
        {
            var bytes = new byte[32];
            using (var random = RandomNumberGenerator.Create())
            {
                random.GetBytes(bytes);
            }

            var secret = new SecureString();
            foreach (var b in bytes)
            {
                secret.AppendChar("0123456789abcdef"[b >> 4]);
                secret.AppendChar("0123456789abcdef"[b & 0xF]);
            }

            Array.Clear(bytes, 0, bytes.Length);
            secret.MakeReadOnly();
            return secret;
        }

        /// <summary>The secret's UTF-8 bytes, the HMAC key Webex signs with; the caller clears them when done.</summary>
        public static byte[] ToKey(SecureString secret)
        {
            var text = ToText(secret);
            return Encoding.UTF8.GetBytes(text);
        }

        /// <summary>The secret as text, for the one request body that sets it.</summary>
        public static string ToText(SecureString secret)
        {
            var pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(secret ?? throw new ArgumentNullException(nameof(secret)));
                return Marshal.PtrToStringUni(pointer) ?? string.Empty;
            }
            finally
            {
                if (pointer != IntPtr.Zero)
                {
                    Marshal.ZeroFreeGlobalAllocUnicode(pointer);
                }
            }
        }
    }
}
