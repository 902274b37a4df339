# The part of jekyll-redirect-from that GitHub Pages runs and Debian does not package: every `redirect_from:`
# URL of a page or collection document becomes a small page that sends the reader to the page's own URL.
module RoundTripRedirects
  class Generator < Jekyll::Generator
    safe true
    priority :lowest

    def generate(site)
      documents = site.collections.values.flat_map(&:docs) + site.pages
      documents.each do |document|
        Array(document.data["redirect_from"]).each do |from|
          from = "/" + from.to_s.sub(%r{\A/+}, "")
          dir, name = from.end_with?(".html") ? [File.dirname(from), File.basename(from)] : [from, "index.html"]
          page = Jekyll::PageWithoutAFile.new(site, site.source, dir, name)
          page.content = %(<meta http-equiv="refresh" content="0; url=#{document.url}">)
          page.data["layout"] = nil
          site.pages << page
        end
      end
    end
  end
end
