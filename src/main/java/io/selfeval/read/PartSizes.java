package io.selfeval.read;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.ZipPackagePart;

/**
 * Refuses an Office file whose text parts are too big to parse in bounded memory, before POI parses them. POI builds
 * a whole XML tree of a part (a sheet, the document body): five to ten times the part's size on the heap, so a 72 MB
 * sheet of 200,000 rows ran a 1 GiB heap out of memory after half a minute. A report's parts are a few MB.
 */
final class PartSizes {
    /** Largest XML part read; the sizes are the ones the zip declares (POI's own limits catch a zip that lies). */
    static final long MAX_XML_PART_BYTES = 12L * 1024 * 1024;

    private PartSizes() {
    }

    /** Packed far tighter than any text compresses: POI's zip-bomb ratio, said as such. */
    private static boolean bombLike(PackagePart part, long size) {
        if (!(part instanceof ZipPackagePart zip) || zip.getZipArchive() == null) return false;
        long packed = zip.getZipArchive().getCompressedSize();
        return packed > 0 && (double) packed / size < Formats.MIN_INFLATE_RATIO;
    }

    /** @param what "Word 文件" or "Excel 文件", for the reason */
    static void check(OPCPackage pkg, String what) throws UnreadableException {
        try {
            for (PackagePart part : pkg.getParts()) {
                long size = part.getSize();
                if (size > MAX_XML_PART_BYTES && part.getContentType().contains("xml")) {
                    if (bombLike(part, size)) throw new UnreadableException(what + "解压后体积异常（疑似压缩炸弹），已拒绝读取");
                    throw new UnreadableException(what + "内容过多（其中“" + part.getPartName().getName() + "”解压后 "
                            + size / (1024 * 1024) + " MB，超过 " + MAX_XML_PART_BYTES / (1024 * 1024)
                            + " MB 上限），读取所需内存过多，已拒绝读取；请删去多余的行或内容后重新提交");
                }
            }
        } catch (InvalidFormatException e) {
            throw new UnreadableException(what + "已损坏，无法打开（压缩包结构无效）", e);
        }
    }
}
