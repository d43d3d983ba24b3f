import ArgumentParser
import Foundation
import WebimServer

/// What a public webhook endpoint needs: HTTPS (real Webim calls only https:// URLs) and a shared
/// secret, since Webim signs nothing on the bot webhook.
struct ExposureOptions: ParsableArguments {
    @Option(name: .customLong("tls-cert"), help: ArgumentHelp("Serve HTTPS with this certificate chain (PEM).",
                                                              discussion: "Example: --tls-cert /etc/letsencrypt/live/bot.example.com/fullchain.pem",
                                                              valueName: "FILE"))
    var tlsCert: String?

    @Option(name: .customLong("tls-key"), help: ArgumentHelp("The certificate's private key (PEM).",
                                                             discussion: "Example: --tls-key /etc/letsencrypt/live/bot.example.com/privkey.pem",
                                                             valueName: "FILE"))
    var tlsKey: String?

    @Option(name: .customLong("webhook-secret"),
            help: ArgumentHelp("Refuse webhooks (401) without this secret, given as Basic auth or ?secret= (default: $CONFORM_WEBHOOK_SECRET).",
                               discussion: "Example: --webhook-secret 7c1e0f9a2b", valueName: "SECRET"))
    var webhookSecret: String?

    func tls() throws -> TLSFiles? {
        switch (tlsCert, tlsKey) {
        case (nil, nil): return nil
        case (let cert?, let key?): return TLSFiles(certificate: cert, key: key)
        default:
            emitError("error: --tls-cert and --tls-key go together: give both PEM files, or neither for plain HTTP")
            throw ExitCode(2)
        }
    }

    var secret: WebhookSecret? {
        let value = webhookSecret ?? ProcessInfo.processInfo.environment["CONFORM_WEBHOOK_SECRET"]
        guard let value, !value.isEmpty else { return nil }
        return WebhookSecret(value)
    }
}
