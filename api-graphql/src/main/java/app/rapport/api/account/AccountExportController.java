package app.rapport.api.account;

import app.rapport.application.account.AccountService;
import app.rapport.application.account.Unauthenticated;
import app.rapport.application.accountexport.AccountExport;
import app.rapport.domain.shared.OwnerId;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * {@code GET /account/export}, signed in with {@code Authorization: Bearer …}: everything the account owns as one
 * JSON file ({@link AccountExport}), the right of access, and the copy to keep before {@code deleteAccount}.
 */
@RestController
class AccountExportController {

    private static final byte[] SIGN_IN_FIRST = ("{\"error\": \"" + BearerTokenInterceptor.SIGN_IN_FIRST + "\"}").getBytes(StandardCharsets.UTF_8);

    private final AccountService accounts;
    private final AccountExport export;

    AccountExportController(AccountService accounts, AccountExport export) {
        this.accounts = accounts;
        this.export = export;
    }

    @GetMapping("/account/export")
    ResponseEntity<StreamingResponseBody> export(HttpServletRequest request) {
        OwnerId owner;
        try {
            owner = BearerTokenInterceptor.signedIn(accounts, request).id();
        } catch (Unauthenticated refused) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_JSON)
                                 .body(out -> out.write(SIGN_IN_FIRST));
        }
        String name = "rapport-export-" + LocalDate.now(ZoneOffset.UTC) + ".json";
        StreamingResponseBody body = out -> export.write(owner, out);
        return ResponseEntity.ok()
                             .contentType(MediaType.APPLICATION_JSON)
                             .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                             .body(body);
    }
}
