package app.rapport.application.privacy;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * AES-256-GCM for one personal value (or a plugin's secret) at a time. A sealed value reads {@code pd1:<base64(nonce | ciphertext+tag)>}:
 * the prefix tells sealed values from plain ones and names the format, so that a later format can be read
 * next to this one.
 */
public final class PersonalDataCipher {

    static final String FORMAT = "pd1:";

    private static final String ALGORITHM = "AES";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    // GCM's standard nonce; random nonces are safe here because one key seals only one contact's values.
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();

    /**
     * One cipher per thread, initialized anew for each value: looking one up for every value, and expanding the same
     * key again for each of an event's fields, was a seventh of all the memory a view rebuild allocated.
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            // AES-GCM is part of every Java platform; failing here means a broken runtime, not bad input.
            throw new IllegalStateException("No AES-GCM in this Java runtime", e);
        }
    });

    /** The bytes of a new random AES-256 key. */
    public byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return key;
    }

    public static SecretKey key(byte[] bytes) {
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("A contact key has " + KEY_BYTES + " bytes, this one " + bytes.length);
        }
        return new SecretKeySpec(bytes, ALGORITHM);
    }

    static boolean isSealed(String value) {
        return value.startsWith(FORMAT);
    }

    public String seal(SecretKey key, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] ciphertext = cipher.doFinal(plaintext);
            byte[] sealed = ByteBuffer.allocate(NONCE_BYTES + ciphertext.length).put(nonce).put(ciphertext).array();
            return FORMAT + Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            // AES-GCM is part of every Java platform; failing here means a broken runtime, not bad input.
            throw new IllegalStateException("Cannot encrypt with AES-GCM", e);
        }
    }

    /**
     * The plaintext of a sealed value.
     *
     * @throws UnreadableValueException when the value is not in this format, was damaged, or was sealed with
     *                                  another key; the message never contains the value or the key
     */
    public byte[] open(SecretKey key, String sealed) {
        if (!isSealed(sealed)) {
            throw new UnreadableValueException("it is not in format " + FORMAT);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed.substring(FORMAT.length()));
        } catch (IllegalArgumentException e) {
            throw new UnreadableValueException("it is not valid base64");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new UnreadableValueException("it is too short");
        }
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            return cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new UnreadableValueException("it was damaged or sealed with another key");
        }
    }

    /** A sealed value that cannot be opened with the contact's key. */
    public static final class UnreadableValueException extends RuntimeException {

        UnreadableValueException(String reason) {
            super("The encrypted value cannot be read: " + reason);
        }
    }
}
