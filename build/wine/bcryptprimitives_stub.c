/* A stand-in for Windows' bcryptprimitives.dll, for the Wine smoke test only (never
 * shipped, never installed on a user's machine).
 *
 * pdfium, inside Qt6Pdf.dll, loads bcryptprimitives.dll on the first
 * QPdfDocument.load() and calls its ProcessPrng for random bytes; Windows 10 and 11
 * have it, Wine 8 does not, and pdfium stops the process (int3). Here ProcessPrng
 * fills the buffer from RtlGenRandom (advapi32's SystemFunction036), which Wine has.
 * Built by build/wine_build.py with mingw-w64 into the Wine prefix's system32.
 */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom */

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
